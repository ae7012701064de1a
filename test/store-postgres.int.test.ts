import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { ConfigSchema, POSTGRES_CLAIM_QUERIES, POSTGRES_MIRROR_QUERY, composeApp, knownPostgresMigrations, openPostgresStore, runEventsList, type ClaimedEvent, type EventSummary, type Store } from '@shopsync/runner';
import { MIGRATION_LOCK_CLASS } from '../packages/runner/src/store/postgres/pg-migrate';
import { recordingContext } from './support/cli-harness';
import { LEASE, T0, at, delivery, storeContract } from './support/store-contract';
import { useTempDir } from './support/temp-dir';

// A loopback PostgreSQL 15 with trust auth (.ci/run starts it and creates the database `test`).
const PG_URL = process.env.SHOPSYNC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const admin = new Pool({ connectionString: PG_URL, max: 2 });
afterAll(() => admin.end());

let made = 0;
/** A schema of its own per store, so every test starts from an empty, freshly migrated database. */
const freshSchema = () => `shopsync_t${process.pid}_${Date.now().toString(36)}_${(made += 1)}`;
const dropSchema = (schema: string) => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

/** A store on a fresh schema; closing it drops the schema. */
function freshStore(schema = freshSchema()): Store {
  const store = openPostgresStore({ url: PG_URL, schema, poolSize: 4 });
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}

describe('the PostgreSQL store', () => {
  describe('keeps the Store contract', () => {
    storeContract(() => freshStore());
  });

  describe('as a database several runner processes share', () => {
    let schema: string;
    const opened: Store[] = [];
    /** Another process's store on the same schema: a pool of its own. */
    const open = (poolSize = 4) => {
      const store = openPostgresStore({ url: PG_URL, schema, poolSize });
      opened.push(store);
      return store;
    };
    beforeEach(() => {
      schema = freshSchema();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await dropSchema(schema);
    });

    test('two processes claiming from one backlog never hold two events of one order at once, nor one event twice', async () => {
      const [a, b] = [open(), open()];
      // 24 orders, 8 events each, interleaved as webhooks arrive.
      const deliveries = Array.from({ length: 192 }, (_, i) => delivery(`w${i}`, `r/${i % 24}`));
      await a.acceptDeliveries(deliveries, T0);
      // A clock that moves a millisecond per claim, read by each worker before it claims (so concurrent
      // claims carry slightly different times, as two hosts' clocks do), and failed events due again a
      // few claims later: the two processes then disagree about which event of an order is next, and
      // the one-claim-per-order index decides. (Without that index this test finds an order claimed twice.)
      let clock = 0;
      const held = new Set<string>();
      const claims = new Set<string>();
      const applied = new Set<number>();
      const problems: string[] = [];
      let tokens = 0;
      async function worker(store: Store, name: string): Promise<void> {
        while (applied.size < deliveries.length) {
          const now = at((clock += 1));
          const event: ClaimedEvent | null = await store.claimNext(name, `${name}-${(tokens += 1)}`, now, LEASE);
          if (event === null) {
            // Everything due is held by another worker: yield to them, then look again.
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          const claimKey = `${event.claim.inboxId}#${event.attempts}`;
          if (held.has(event.resourceKey)) problems.push(`${event.resourceKey} claimed twice at once (${event.webhookId})`);
          if (claims.has(claimKey)) problems.push(`${claimKey} claimed twice`);
          held.add(event.resourceKey);
          claims.add(claimKey);
          // The work: a round trip to the database while the event is held.
          await store.ping();
          held.delete(event.resourceKey);
          // Every third event fails twice and is due again a few claims later.
          if (event.attempts <= 2 && event.claim.inboxId % 3 === 0) {
            expect(await store.scheduleRetry(event.claim, at(clock + 3), 'erpnext answered 502', now)).toBe(true);
            continue;
          }
          expect(await store.finish(event.claim, 'applied', null, now)).toBe(true);
          if (applied.has(event.claim.inboxId)) problems.push(`${event.claim.inboxId} applied twice`);
          applied.add(event.claim.inboxId);
        }
      }
      await Promise.all([0, 1, 2, 3].flatMap((i) => [worker(a, `a${i}`), worker(b, `b${i}`)]));
      expect(problems).toEqual([]);
      expect((await b.counts()).byStatus).toEqual({ applied: deliveries.length });
    });

    test('the database itself refuses a second claimed event of one resource', async () => {
      const store = open();
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a'), delivery('b1', 'r/b')], T0);
      await store.ping();
      const claimAll = `UPDATE ${schema}.inbox SET status = 'claimed' WHERE webhook_id = ANY($1::text[])`;
      await expect(admin.query(claimAll, [['a1', 'a2']])).rejects.toMatchObject({ code: '23505', constraint: 'inbox_one_claim_per_resource' });
      await expect(admin.query(claimAll, [['a1', 'b1']])).resolves.toMatchObject({ rowCount: 2 });
    });

    test('an older event due again takes over from a newer one whose claim lapsed, which waits behind it', async () => {
      const store = open();
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a')], T0);
      const first = await store.claimNext('w', 't1', T0, LEASE);
      await store.scheduleRetry(first!.claim, at(2 * LEASE), 'erpnext down', T0);
      const lapsed = await store.claimNext('dead', 't2', T0, LEASE);
      expect(lapsed?.webhookId).toBe('a2');
      const retried = await store.claimNext('w', 't3', at(2 * LEASE), LEASE);
      expect(retried?.webhookId).toBe('a1');
      expect(await store.finish(lapsed!.claim, 'applied', null, at(2 * LEASE))).toBe(false);
      expect(await store.claimNext('w', 't4', at(2 * LEASE), LEASE)).toBeNull();
      await store.finish(retried!.claim, 'applied', null, at(2 * LEASE));
      expect(await store.claimNext('w', 't5', at(2 * LEASE), LEASE)).toMatchObject({ webhookId: 'a2', attempts: 2 });
    });

    test('with 100k events pending, a claim walks inbox_ready in order: no scan of the backlog, no sort', async () => {
      const store = open();
      await store.ping();
      // 100k events over 25k orders, four each, as a long ERPNext outage leaves them; written in one
      // statement (the ingress path is the contract's business), then analyzed as autovacuum would.
      await admin.query(
        `INSERT INTO ${schema}.inbox (shop, webhook_id, topic, resource_key, payload, payload_hash, received_at, available_at)
         SELECT 'shop.myshopify.com', 'w' || n, 'orders/create', 'r/' || (n % 25000), '{"id":1}', 'h', t, t
         FROM generate_series(0, 99999) AS n, LATERAL (SELECT $1::timestamptz + (n / 1000) * interval '1 millisecond' AS t) AS at`,
        [T0.toISOString()],
      );
      await admin.query(`ANALYZE ${schema}.inbox`);
      const client = await admin.connect();
      try {
        await client.query(`SET search_path TO ${schema}`);
        const plan = async (sql: string) =>
          ((await client.query(`EXPLAIN ${sql}`, [T0.toISOString(), []])).rows as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
        const due = await plan(POSTGRES_CLAIM_QUERIES.due);
        const expired = await plan(POSTGRES_CLAIM_QUERIES.expired);
        const mirror = ((await client.query(`EXPLAIN ${POSTGRES_MIRROR_QUERY}`, [50])).rows as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
        // The Sync Log mirror reads the events waiting for it through its partial index, never the backlog.
        expect(mirror).toMatch(/Index (Only )?Scan using inbox_unmirrored on inbox/);
        expect(mirror).not.toMatch(/Seq Scan/);
        expect(due).toMatch(/Index (Only )?Scan using inbox_ready on inbox i/);
        expect(expired).toMatch(/Index (Only )?Scan using inbox_claim_expiry on inbox i/);
        for (const text of [due, expired]) expect(text).not.toMatch(/Seq Scan|Sort/);
        // Both NOT EXISTS probes are index searches: the older due events of the order by inbox_resource
        // (resource, status, id range); the few claimed rows by whichever index the statistics favour.
        expect(due).toMatch(/Index (Only )?Scan using inbox_resource on inbox o\w* [^\n]*\n\s+Index Cond: \(\(resource_key = i.resource_key\) AND \(status = 'pending'::text\) AND \(id < i.id\)\)/);
        expect(due.match(/Index (Only )?Scan using \w+ on inbox o\w*/g)).toHaveLength(2);
      } finally {
        client.release();
      }
      const started = Date.now();
      const claimed = [];
      for (let i = 0; i < 5; i += 1) claimed.push((await store.claimNext('w', `c${i}`, at(1_000), LEASE))?.webhookId);
      expect(claimed).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    test('several processes opening a new database at once migrate it once', async () => {
      const stores = [open(1), open(1), open(1), open(1)];
      await Promise.all(stores.map((store) => store.ping()));
      const { rows } = await admin.query(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((row: { name: string }) => row.name)).toEqual(knownPostgresMigrations().map((m) => m.name));
    });

    test('a process killed while it migrates holds no one up: its session, and the lock with it, goes', async () => {
      const dying = new Client({ connectionString: PG_URL });
      dying.on('error', () => undefined);
      await dying.connect();
      await dying.query('SELECT pg_advisory_lock($1::int, hashtext($2::text))', [MIGRATION_LOCK_CLASS, schema]);
      const pid = (await dying.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      const store = open();
      const pinged = store.ping();
      // The store waits for the lock: its migration has not begun.
      const waiting = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND NOT granted";
      while ((await admin.query(waiting, [MIGRATION_LOCK_CLASS])).rowCount === 0);
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(pinged).resolves.toBeUndefined();
      await dying.end().catch(() => undefined);
    });

    test('a process killed holding a claim: another process takes the event over when the lease ends; the dead one\'s late settle changes nothing', async () => {
      const dead = open();
      await dead.acceptDelivery(delivery('w1'), T0);
      const stale = await dead.claimNext('dead', 'old', T0, LEASE);
      await dead.close();
      const [survivor, late] = [open(), open()];
      expect(await survivor.claimNext('alive', 'early', at(LEASE - 1), LEASE)).toBeNull();
      const fresh = await survivor.claimNext('alive', 'new', at(LEASE), LEASE);
      expect([fresh?.claim.inboxId, fresh?.attempts]).toEqual([stale?.claim.inboxId, 2]);
      expect(await late.finish(stale!.claim, 'applied', null, at(LEASE))).toBe(false);
      expect(await survivor.finish(fresh!.claim, 'applied', null, at(LEASE))).toBe(true);
    });

    test('refuses a database written by a newer shopsync', async () => {
      await open().ping();
      await admin.query(`INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (999, '999-future.sql', now())`);
      const newer = open();
      await expect(newer.ping()).rejects.toThrow('schema version 999, newer than this shopsync knows');
      await expect(newer.counts()).rejects.toThrow('schema version 999');
    });

    test('ping fails once the store is closed (readiness reports it)', async () => {
      const store = open();
      await store.ping();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });

    test('its migrations are the SQLite migrations, number for number and name for name', () => {
      const sqlite = readdirSync(join(__dirname, '../packages/runner/src/store/migrations')).filter((file) => file.endsWith('.sql'));
      expect(knownPostgresMigrations().map((m) => m.name)).toEqual(sqlite.sort());
    });
  });

  describe('as the configured store (store.url)', () => {
    const dir = useTempDir();
    // A database of its own: the composition root opens the URL's default schema.
    const database = `shopsync_compose_${process.pid}`;
    const url = Object.assign(new URL(PG_URL), { pathname: `/${database}` }).toString();
    beforeAll(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.query(`CREATE DATABASE ${database}`);
    });
    afterAll(() => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

    test('the config takes a postgres:// URL and nothing else', () => {
      const store = (value: string) => ConfigSchema.shape.store.safeParse({ path: 'x', url: value });
      expect(store(url)).toMatchObject({ success: true, data: { path: 'x', url } });
      expect(store('mysql://root@127.0.0.1/db').error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['url'], 'must be a postgres:// (or postgresql://) connection URL']]);
    });

    test('the app opens PostgreSQL instead of the SQLite file, and the operator commands read it by config or --db', async () => {
      const path = join(dir(), 'never-created.sqlite');
      const app = composeApp({ store: { path, url } });
      await app.store.acceptDelivery(delivery('w1'), T0);
      await app.close();
      expect(existsSync(path)).toBe(false);
      const ctx = recordingContext();
      expect(await runEventsList({ db: url, limit: 10, json: true }, ctx)).toBe(0);
      expect(ctx.json<EventSummary[]>().map((event) => event.webhookId)).toEqual(['w1']);
    });
  });
});
