import type Database from 'better-sqlite3';
import type { Store } from './store';
import { sqliteClaimPort } from './sqlite/claim-port';
import { sqliteInboxPort } from './sqlite/inbox-port';
import { sqliteLedgerPort } from './sqlite/ledger-port';
import { sqliteMirrorPort } from './sqlite/mirror-port';
import { sqliteOperatorActionPort, sqliteOperatorQueryPort } from './sqlite/operator-port';
import { openSqliteConnection, type SqliteStoreOptions } from './sqlite/sqlite-connection';
import { sqliteStockPort } from './sqlite/stock-port';
import { sqliteLifecyclePort, sqliteRetentionPort } from './sqlite/upkeep-ports';

export type { SqliteStoreOptions } from './sqlite/sqlite-connection';

/**
 * The embedded store: one connection, WAL, each statement in its own file under sql/ (STYLE C10).
 * Every port piece under sqlite/ shares the connection, so a transaction of one port sees what
 * another committed, and closing it (LifecyclePort) closes them all.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  return sqliteStoreOn(openSqliteConnection(options));
}

/** Every port over one open connection (the store thread wraps these calls in its own group commits). */
export function sqliteStoreOn(db: Database.Database): Store {
  return {
    ...sqliteInboxPort(db),
    ...sqliteClaimPort(db),
    ...sqliteLedgerPort(db),
    ...sqliteOperatorQueryPort(db),
    ...sqliteOperatorActionPort(db),
    ...sqliteMirrorPort(db),
    ...sqliteRetentionPort(db),
    ...sqliteLifecyclePort(db),
    ...sqliteStockPort(db),
  };
}
