import type { LedgerWrite } from '../../ports/ledger-port';
import { addEvidence } from './add-evidence';
import { recordOperation } from './operations';
import type { Db } from './query';
import { advanceResourceVersion } from './resource-versions';

/** LedgerPort.recordAll's writes, in order, in the caller's transaction. */
export async function recordAll(db: Db, writes: readonly LedgerWrite[], iso: (at: Date) => string): Promise<void> {
  for (const write of writes) {
    if (write.kind === 'evidence') await addEvidence(db, write.inboxId, write.evidenceKind, write.data, iso(write.at));
    else if (write.kind === 'operation') await recordOperation(db, write.key, write.operation, write.inboxId, iso(write.at));
    else await advanceResourceVersion(db, write.resourceKey, write.version, write.snapshot, iso(write.at));
  }
}
