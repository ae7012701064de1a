import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_QUERIES, MIRROR_QUERY, openSqliteStore, openThreadedSqliteStore, type Store } from '@shopsync/runner';
import { T0, delivery, storeContract } from './support/store-contract';
import { useTempDir } from './support/temp-dir';

describe('the SQLite store', () => {
  const dir = useTempDir();

  describe('keeps the Store contract', () => {
    storeContract(() => openSqliteStore({ path: join(dir(), 'state.sqlite') }));
  });

  describe('on a thread of its own (group commits, answers after COMMIT), keeps the Store contract', () => {
    storeContract(() => openThreadedSqliteStore({ path: join(dir(), 'state.sqlite') }));
  });

  test('on its own thread, the WAL is checkpointed beside the writer: 80 MB of webhooks leave a WAL file far smaller than what was written', async () => {
    const path = join(dir(), 'state.sqlite');
    const store = openThreadedSqliteStore({ path });
    const body = JSON.stringify({ note: 'x'.repeat(10_000) });
    for (let batch = 0; batch < 40; batch += 1) {
      const deliveries = Array.from({ length: 200 }, (_, i) => ({ ...delivery(`w${batch}-${i}`, `r/${batch}-${i}`), payload: body }));
      await store.acceptDeliveries(deliveries, T0);
      // Ingress pace, not one burst: the checkpointer runs every 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const walBytes = statSync(`${path}-wal`).size;
    await store.close();
    // Without the checkpointer the store checkpoints only at ~400 MB of WAL (its safety net), so the
    // WAL file would hold all ~80 MB; with it, the WAL is reused from the start after each catch-up.
    expect(walBytes).toBeLessThan(40 * 1024 * 1024);
  }, 60_000);

  describe('as a file', () => {
    let store: Store;
    let path: string;
    beforeEach(() => {
      path = join(dir(), 'state.sqlite');
      store = openSqliteStore({ path });
    });
    afterEach(async () => store.close());

    test("an event an older shopsync accepted keeps its stored 'received' row, shown once; a new one writes no evidence row on arrival", async () => {
      const older = await store.acceptDelivery(delivery('old'), T0);
      const newer = await store.acceptDelivery(delivery('new', 'r/2'), T0);
      const db = new Database(path);
      db.prepare("INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, 'received', ?)").run(older.inboxId, T0.toISOString(), JSON.stringify({ webhookId: 'old', stored: true }));
      const stored = db.prepare('SELECT inbox_id AS inboxId, kind FROM evidence ORDER BY id').all();
      db.close();
      expect(stored).toEqual([{ inboxId: older.inboxId, kind: 'received' }]);
      const trail = await store.evidence(older.inboxId);
      expect(trail.map((row) => [row.kind, row.data])).toEqual([['received', { webhookId: 'old', stored: true }]]);
      expect((await store.evidence(newer.inboxId)).map((row) => row.kind)).toEqual(['received']);
    });

    test('with 100k events pending, a claim is an index search: no scan of the backlog, no sort', async () => {
      // 100k events over 25k orders, four events each, as a long ERPNext outage leaves them.
      for (let batch = 0; batch < 100; batch += 1) {
        const deliveries = Array.from({ length: 1_000 }, (_, i) => delivery(`w${batch * 1_000 + i}`, `r/${(batch * 1_000 + i) % 25_000}`));
        await store.acceptDeliveries(deliveries, new Date(T0.getTime() + batch));
      }
      const db = new Database(path, { readonly: true });
      const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ now: T0.toISOString() }) as Array<{ detail: string }>).map((row) => row.detail);
      const due = plan(CLAIM_QUERIES.due);
      const expired = plan(CLAIM_QUERIES.expired);
      const mirror = (db.prepare(`EXPLAIN QUERY PLAN ${MIRROR_QUERY}`).all({ limit: 50 }) as Array<{ detail: string }>).map((row) => row.detail);
      db.close();
      // The Sync Log mirror reads the events waiting for it through its partial index, never the backlog.
      expect(mirror).toEqual(['SCAN inbox USING INDEX inbox_unmirrored']);
      expect(due[0]).toMatch(/^SEARCH i USING INDEX inbox_ready \(status=\? AND available_at<\?\)$/);
      expect(expired[0]).toMatch(/^SEARCH i USING (COVERING )?INDEX inbox_claim_expiry \(status=\? AND claim_expires_at<\?\)$/);
      for (const detail of [...due, ...expired]) expect(detail).not.toMatch(/TEMP B-TREE|^SCAN/);
      // Both NOT EXISTS probes search inbox_resource by (resource_key, status) and an id range.
      expect(due.filter((detail) => /SEARCH o USING (COVERING )?INDEX inbox_resource \(resource_key=\? AND status=\?/.test(detail))).toHaveLength(2);
      // And the rule still holds at that size: the first four claims are four different orders, oldest first.
      const claimed = [];
      for (let i = 0; i < 4; i += 1) claimed.push((await store.claimNext('w', `c${i}`, new Date(T0.getTime() + 1_000), 30_000))?.webhookId);
      expect(claimed).toEqual(['w0', 'w1', 'w2', 'w3']);
      expect((await store.claimNext('w', 'c4', new Date(T0.getTime() + 1_000), 30_000))?.webhookId).toBe('w4');
    });

    test('refuses a database written by a newer shopsync', async () => {
      await store.close();
      const db = new Database(path);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999-future.sql', 'x')").run();
      db.close();
      expect(() => openSqliteStore({ path })).toThrow('schema version 999, newer than this shopsync knows');
      store = openSqliteStore({ path: join(dir(), 'other.sqlite') });
    });

    test('what one connection commits, a second connection on the same file sees (the CLI next to a running runner)', async () => {
      await store.acceptDeliveries([delivery('w1'), delivery('w2', 'r/2')], T0);
      const cli = openSqliteStore({ path });
      expect((await cli.listEvents({})).map((event) => event.webhookId)).toEqual(['w2', 'w1']);
      await cli.close();
    });

    test('acknowledged deliveries survive closing and reopening the file, which is in WAL mode', async () => {
      await store.acceptDeliveries([delivery('w1')], T0);
      await store.close();
      const db = new Database(path);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
      store = openSqliteStore({ path });
      expect((await store.counts()).byStatus).toEqual({ pending: 1 });
    });

    test('ping fails once the store is closed (readiness reports it)', async () => {
      await store.close();
      await expect(store.ping()).rejects.toThrow();
      store = openSqliteStore({ path });
    });
  });
});
