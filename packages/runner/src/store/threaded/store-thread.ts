import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openSqliteConnection, type SqliteStoreOptions } from '../sqlite/sqlite-connection';
import { sqliteStoreOn } from '../sqlite-store';
import type { Store } from '../store';
import { commitOrder, commitSynchronous, toCallError, type StoreAnswer, type StoreCall } from './store-calls';
import { runCheckpointer } from './wal-checkpointer';

/** What the thread is started with: the store's options, and which of the two threads it is. */
export interface StoreThreadData extends SqliteStoreOptions {
  readonly role?: 'store' | 'checkpointer';
}

/** With the checkpointer thread running, the store's own automatic checkpoint is only a safety net (~400 MB of WAL). */
const SAFETY_NET_CHECKPOINT_PAGES = 100_000;

/**
 * The store thread: it owns the SQLite connection, so no statement and no fsync ever runs on the
 * thread that answers Shopify. Calls that arrive while a commit runs wait and go together in the
 * next transaction (a group commit for claims, evidence and settles as well as the ingress), each
 * in its own savepoint so one failing call undoes only itself. Answers are sent after COMMIT: a
 * caller never sees a write that could still be lost.
 */
const MAX_CALLS_PER_COMMIT = 2_000;

interface Connection {
  readonly db: Database.Database;
  readonly store: Store;
  readonly configured: 'FULL' | 'NORMAL';
  readonly statements: Record<'savepoint' | 'release' | 'rollbackTo' | 'begin' | 'commit', Database.Statement>;
  level: 'FULL' | 'NORMAL';
}

function runCall({ db, store, statements }: Connection, call: StoreCall): Promise<StoreAnswer> {
  statements.savepoint.run();
  // Every port method runs its statements synchronously before its promise settles, so nothing
  // else touches the connection between this savepoint and its release.
  const method = store[call.method] as (...args: readonly unknown[]) => Promise<unknown>;
  return method(...call.args).then(
    (value): StoreAnswer => {
      statements.release.run();
      return { id: call.id, ok: true, value };
    },
    (error: unknown): StoreAnswer => {
      if (db.inTransaction) {
        statements.rollbackTo.run();
        statements.release.run();
      }
      return { id: call.id, ok: false, error: toCallError(error) };
    },
  );
}

async function commitBatch(connection: Connection, calls: readonly StoreCall[]): Promise<StoreAnswer[]> {
  const { db, statements } = connection;
  const level = commitSynchronous(calls, connection.configured);
  if (level !== connection.level) {
    db.pragma(`synchronous = ${level}`);
    connection.level = level;
  }
  const answers: StoreAnswer[] = [];
  statements.begin.run();
  try {
    for (const call of commitOrder(calls)) answers.push(await runCall(connection, call));
    statements.commit.run();
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const failed = toCallError(error);
    return calls.map((call) => ({ id: call.id, ok: false, error: failed }));
  }
  return answers;
}

function serve(options: SqliteStoreOptions): void {
  const port = parentPort;
  if (port === null) throw new Error('store-thread.ts runs as a worker thread');
  let db: Database.Database;
  try {
    db = openSqliteConnection(options);
  } catch (error) {
    port.postMessage({ kind: 'failed', error: toCallError(error) });
    return;
  }
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
  const configured = options.synchronous ?? 'FULL';
  const connection: Connection = {
    db,
    store: sqliteStoreOn(db),
    configured,
    level: configured,
    statements: {
      savepoint: db.prepare('SAVEPOINT store_call'),
      release: db.prepare('RELEASE store_call'),
      rollbackTo: db.prepare('ROLLBACK TO store_call'),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
    },
  };
  const queue: StoreCall[] = [];
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_CALLS_PER_COMMIT);
      const closing = batch.findIndex((call) => call.method === 'close');
      const work = closing === -1 ? batch : batch.slice(0, closing);
      const answers = work.length === 0 ? [] : await commitBatch(connection, work);
      port.postMessage({ kind: 'answers', answers });
      if (closing !== -1) {
        db.close();
        port.postMessage({ kind: 'answers', answers: [{ id: batch[closing]!.id, ok: true, value: undefined }, ...batch.slice(closing + 1).map((call) => ({ id: call.id, ok: false, error: { name: 'Error', message: 'the store is closed' } }))] });
        port.close();
        return;
      }
      // Let the calls that arrived during this commit be delivered before the next one starts.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    running = false;
  };
  port.on('message', (calls: StoreCall[]) => {
    queue.push(...calls);
    if (!running) setImmediate(() => void drain());
    running = true;
  });
  port.postMessage({ kind: 'ready' });
}

function start(data: StoreThreadData): void {
  if (data.role !== 'checkpointer') return serve(data);
  const stop = runCheckpointer(data.path);
  parentPort?.once('message', () => {
    stop();
    parentPort?.close();
  });
}

start(workerData as StoreThreadData);
