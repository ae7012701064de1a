import type Database from 'better-sqlite3';
import type { LedgerWrite } from '../ports/ledger-port';
import { addEvidence } from './add-evidence';
import { recordOperation } from './operations';
import { advanceResourceVersion } from './resource-versions';

/** LedgerPort.recordAll's writes, in order, in the caller's transaction. */
export function recordAll(db: Database.Database, writes: readonly LedgerWrite[], iso: (at: Date) => string): void {
  for (const write of writes) {
    if (write.kind === 'evidence') addEvidence(db, write.inboxId, write.evidenceKind, write.data, iso(write.at));
    else if (write.kind === 'operation') recordOperation(db, write.key, write.operation, write.inboxId, iso(write.at));
    else advanceResourceVersion(db, write.resourceKey, write.version, write.snapshot, iso(write.at));
  }
}
