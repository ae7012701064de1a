import type { Store } from '../store';
import { postgresClaimPort } from './claim-port';
import { postgresInboxPort } from './inbox-port';
import { postgresLedgerPort } from './ledger-port';
import { postgresMirrorPort } from './mirror-port';
import { postgresOperatorActionPort, postgresOperatorQueryPort } from './operator-port';
import { openPostgresConnection, type PostgresStoreOptions } from './pg-connection';
import { postgresStockPort } from './stock-port';
import { postgresLifecyclePort, postgresRetentionPort } from './upkeep-ports';

export type { PostgresStoreOptions } from './pg-connection';

/**
 * The shared store (DESIGN §5): several runner processes on one PostgreSQL database, each with its
 * own pool. Assembled like the SQLite store, one piece per port over one pool, statements one per
 * file under postgres/sql/, migrations numbered as the SQLite ones under postgres/migrations/. No
 * correctness rests on this process's memory: claims, fences and the one-claim-per-resource rule are
 * rows and indexes, so any process may be killed at any moment and another carries on.
 */
export function openPostgresStore(options: PostgresStoreOptions): Store {
  const conn = openPostgresConnection(options);
  return {
    ...postgresInboxPort(conn),
    ...postgresClaimPort(conn),
    ...postgresLedgerPort(conn),
    ...postgresOperatorQueryPort(conn),
    ...postgresOperatorActionPort(conn),
    ...postgresMirrorPort(conn),
    ...postgresRetentionPort(conn),
    ...postgresLifecyclePort(conn),
    ...postgresStockPort(conn),
  };
}
