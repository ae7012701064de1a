import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '@shopsync/runner';
import { T0, delivery, storeContract } from './support/store-contract';
import { useTempDir } from './support/temp-dir';

describe('the SQLite store', () => {
  const dir = useTempDir();

  describe('keeps the Store contract', () => {
    storeContract(() => openSqliteStore({ path: join(dir(), 'state.sqlite') }));
  });

  describe('as a file', () => {
    let store: Store;
    let path: string;
    beforeEach(() => {
      path = join(dir(), 'state.sqlite');
      store = openSqliteStore({ path });
    });
    afterEach(async () => store.close());

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
