import type { LedgerPort } from '../ports/ledger-port';
import { iso, type PgConnection } from './pg-connection';
import { addEvidence } from './sql/add-evidence';
import { findOperation, recordOperation } from './sql/operations';
import { recordAll } from './sql/record-all';
import { advanceResourceVersion, resourceVersion } from './sql/resource-versions';

/** One statement each, so each is its own transaction; recordAll's writes share one. */
export function postgresLedgerPort(conn: PgConnection): LedgerPort {
  return {
    addEvidence: (inboxId, kind, data, now) => conn.read((db) => addEvidence(db, inboxId, kind, data, iso(now))),
    findOperation: (key) => conn.read((db) => findOperation(db, key)),
    recordOperation: (key, operation, inboxId, now) => conn.read((db) => recordOperation(db, key, operation, inboxId, iso(now))),
    resourceVersion: (resourceKey) => conn.read((db) => resourceVersion(db, resourceKey)),
    advanceVersion: (resourceKey, version, snapshot, now) => conn.read((db) => advanceResourceVersion(db, resourceKey, version, snapshot, iso(now))),
    recordAll: async (writes) => {
      if (writes.length > 0) await conn.tx((db) => recordAll(db, writes, iso));
    },
  };
}
