import type Database from 'better-sqlite3';
import type { LedgerPort } from '../ports/ledger-port';
import { addEvidence } from '../sql/add-evidence';
import { findOperation, recordOperation } from '../sql/operations';
import { recordAll } from '../sql/record-all';
import { advanceResourceVersion, resourceVersion } from '../sql/resource-versions';
import { iso } from './sqlite-connection';

export function sqliteLedgerPort(db: Database.Database): LedgerPort {
  return {
    addEvidence: async (inboxId, kind, data, now) => addEvidence(db, inboxId, kind, data, iso(now)),
    findOperation: async (key) => findOperation(db, key),
    recordOperation: async (key, operation, inboxId, now) => recordOperation(db, key, operation, inboxId, iso(now)),
    resourceVersion: async (resourceKey) => resourceVersion(db, resourceKey),
    advanceVersion: async (resourceKey, version, snapshot, now) => advanceResourceVersion(db, resourceKey, version, snapshot, iso(now)),
    recordAll: async (writes) => db.transaction(() => recordAll(db, writes, iso))(),
  };
}
