import { openSqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';
import { openThreadedSqliteStore } from '../store/threaded/threaded-store';
import type { StoreOnlyConfig } from './types';

/**
 * The store a command works on. `serve` asks for the SQLite store on a thread of its own, so the
 * thread that acknowledges webhooks never waits on a statement or an fsync and the workers' writes
 * share group commits; a one-shot command (status, events, failures …) opens it in-process.
 */
export function openConfiguredStore(config: StoreOnlyConfig['store'], options: { thread?: boolean } = {}): Store {
  const { path, synchronous } = config;
  const sqlite = synchronous === undefined ? { path } : { path, synchronous };
  return options.thread === true ? openThreadedSqliteStore(sqlite) : openSqliteStore(sqlite);
}
