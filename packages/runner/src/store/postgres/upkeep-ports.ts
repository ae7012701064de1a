import type { LifecyclePort, RetentionPort } from '../ports/upkeep-ports';
import { iso, type PgConnection } from './pg-connection';
import { pruneEvidence } from './sql/prune-evidence';

export function postgresRetentionPort(conn: PgConnection): RetentionPort {
  return {
    pruneEvidence: (olderThan) => pruneEvidence(conn, iso(olderThan)),
  };
}

export function postgresLifecyclePort(conn: PgConnection): LifecyclePort {
  return {
    ping: () => conn.ping(),
    close: () => conn.close(),
  };
}
