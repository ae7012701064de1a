import Database from 'better-sqlite3';
import { migrate } from '../migrate';

export interface SqliteStoreOptions {
  readonly path: string;
  /**
   * FULL makes every acknowledged webhook survive a power loss (the ack follows the fsync);
   * NORMAL survives a process crash only. Default FULL: an ack is a promise to Shopify.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/** The one connection every port piece of a SQLite store shares: one writer, WAL, migrated. */
export function openSqliteConnection(options: SqliteStoreOptions): Database.Database {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: at ingress speed the default checkpoints
  // several times a second, each copying pages into the database file; measured 78 → 62 µs per
  // 8.5 KB webhook with NORMAL (the in-process ingress benchmark of issue 6, since replaced by the whole-path
  // `npm run bench`). journal_size_limit truncates the WAL file back to
  // 64 MB after a checkpoint, so a burst does not leave a large file behind.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** The statements under sql/ take instants as ISO-8601 text, which sorts as time in SQLite. */
export const iso = (date: Date): string => date.toISOString();
