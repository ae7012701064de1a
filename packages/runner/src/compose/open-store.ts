import { openPostgresStore, type PostgresStoreOptions } from '../store/postgres/postgres-store';
import { openSqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';
import { openThreadedSqliteStore } from '../store/threaded/threaded-store';
import type { StoreOnlyConfig } from './types';

/**
 * The store a command works on. With `store.url`, the PostgreSQL store several processes share (its
 * driver never blocks the event loop). Else the SQLite file: `serve` asks for it on a thread of its
 * own, so the thread that acknowledges webhooks never waits on a statement or an fsync and the
 * workers' writes share group commits; a one-shot command (status, events, failures …) opens it in-process.
 */
export function openConfiguredStore(config: StoreOnlyConfig['store'], options: { thread?: boolean; postgres?: Pick<PostgresStoreOptions, 'schema' | 'poolSize'> } = {}): Store {
  const { path, synchronous, url } = config;
  if (url !== undefined) return openPostgresStore({ ...options.postgres, url });
  const sqlite = synchronous === undefined ? { path } : { path, synchronous };
  return options.thread === true ? openThreadedSqliteStore(sqlite) : openSqliteStore(sqlite);
}

/** The store as an operator message names it: the file, or the URL without its password. */
export function storeLabel(config: StoreOnlyConfig['store']): string {
  return config.url === undefined ? config.path : config.url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
