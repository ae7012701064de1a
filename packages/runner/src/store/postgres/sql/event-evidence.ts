import type { EvidenceRecord } from '../../store-records';
import { rows, type Db } from './query';

interface EvidenceRow {
  id: number;
  inbox_id: number;
  at: string;
  kind: string;
  data: string;
}

/** The trail of one event in the order it was written: received, plan, operations, result, actions. */
export async function eventEvidence(db: Db, inboxId: number): Promise<EvidenceRecord[]> {
  const trail = await rows<EvidenceRow>(db, 'SELECT id, inbox_id, at, kind, data FROM evidence WHERE inbox_id = $1 ORDER BY id', [inboxId]);
  return trail.map((row) => ({ id: row.id, inboxId: row.inbox_id, at: row.at, kind: row.kind, data: JSON.parse(row.data) as unknown }));
}
