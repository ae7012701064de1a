import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SqliteStoreOptions } from '../sqlite/sqlite-connection';
import type { Store } from '../store';
import { STORE_METHODS, fromCallError, type StoreAnswer, type StoreCall, type StoreCallError, type StoreMethod } from './store-calls';

type ThreadMessage = { kind: 'ready' } | { kind: 'failed'; error: StoreCallError } | { kind: 'answers'; answers: StoreAnswer[] };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The SQLite store run on a thread of its own (store-thread.ts): the same Store, every call a
 * message, answered after the group commit that made it durable. The thread that acknowledges
 * webhooks never waits on a statement or an fsync, and the workers' claims, evidence and settles
 * share commits instead of paying one fsync each. Opening is synchronous for the caller: calls made
 * before the thread is ready wait for it, and if the database cannot be opened every call fails
 * with that reason.
 */
export function openThreadedSqliteStore(options: SqliteStoreOptions): Store {
  const entry = join(__dirname, 'store-thread-entry.cjs');
  const worker = new Worker(entry, { workerData: { ...options, role: 'store' } });
  // The WAL checkpointer (wal-checkpointer.ts) starts once the store thread has opened and migrated the file.
  let checkpointer: Worker | null = null;
  let closing = false;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const call of pending.values()) call.reject(broken);
    pending.clear();
  };
  worker.on('message', (message: ThreadMessage) => {
    if (message.kind === 'failed') return failAll(fromCallError(message.error));
    if (message.kind === 'ready') {
      if (closing) return;
      checkpointer = new Worker(entry, { workerData: { ...options, role: 'checkpointer' } });
      checkpointer.on('error', () => undefined); // the store's own safety-net checkpoint takes over
      checkpointer.unref();
      return;
    }
    if (message.kind !== 'answers') return;
    for (const answer of message.answers) {
      const call = pending.get(answer.id);
      if (call === undefined) continue;
      pending.delete(answer.id);
      if (answer.ok) call.resolve(answer.value);
      else call.reject(fromCallError(answer.error));
    }
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the store thread exited (code ${code})`)));
  // An idle store thread must not keep the process alive; a call in flight does.
  worker.unref();
  // Calls made in one turn of the event loop (a Promise.all, a worker's settle) go as one message.
  let outbox: StoreCall[] = [];
  const flush = () => {
    const calls = outbox;
    outbox = [];
    worker.postMessage(calls);
  };
  const call = (method: StoreMethod, args: readonly unknown[]): Promise<unknown> => {
    if (broken !== null) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      worker.ref();
      pending.set(id, { resolve, reject });
      if (outbox.length === 0) queueMicrotask(flush);
      outbox.push({ id, method, args });
    });
  };
  const store = Object.fromEntries(STORE_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as unknown as Store;
  return {
    ...store,
    async close() {
      if (broken !== null) return;
      closing = true;
      if (checkpointer !== null) {
        const stopped = new Promise((resolve) => checkpointer!.once('exit', resolve));
        checkpointer.postMessage('close');
        await stopped;
      }
      await call('close', []);
      broken = new Error('the store is closed');
      await worker.terminate();
    },
  };
}
