import { RECEIVED_COLUMNS, trailOf, type EvidenceRow, type ReceivedRow } from '../../received-evidence';
import type { EvidenceRecord } from '../../store-records';
import { one, rows, type Db } from './query';

/** The trail of one event in the order it was written: received (from its inbox row), plan, operations, result, actions. */
export async function eventEvidence(db: Db, inboxId: number): Promise<EvidenceRecord[]> {
  const event = await one<ReceivedRow>(db, `SELECT ${RECEIVED_COLUMNS} FROM inbox WHERE id = $1`, [inboxId]);
  return trailOf(inboxId, event, await rows<EvidenceRow>(db, 'SELECT id, inbox_id, at, kind, data FROM evidence WHERE inbox_id = $1 ORDER BY id', [inboxId]));
}
