import type Database from 'better-sqlite3';
import type { LedgerPort } from '../ports/ledger-port';
import { addEvidence } from '../sql/add-evidence';
import { findOperation, recordOperation } from '../sql/operations';
import { advanceResourceVersion, resourceVersion } from '../sql/resource-versions';
import { iso } from './sqlite-connection';

export function sqliteLedgerPort(db: Database.Database): LedgerPort {
  return {
    addEvidence: async (inboxId, kind, data, now) => addEvidence(db, inboxId, kind, data, iso(now)),
    findOperation: async (key) => findOperation(db, key),
    recordOperation: async (key, operation, inboxId, now) => recordOperation(db, key, operation, inboxId, iso(now)),
    resourceVersion: async (resourceKey) => resourceVersion(db, resourceKey),
    advanceVersion: async (resourceKey, version, snapshot, now) => advanceResourceVersion(db, resourceKey, version, snapshot, iso(now)),
    recordAll: async (writes) =>
      db.transaction(() => {
        for (const write of writes) {
          if (write.kind === 'evidence') addEvidence(db, write.inboxId, write.evidenceKind, write.data, iso(write.at));
          else if (write.kind === 'operation') recordOperation(db, write.key, write.operation, write.inboxId, iso(write.at));
          else advanceResourceVersion(db, write.resourceKey, write.version, write.snapshot, iso(write.at));
        }
      })(),
  };
}
