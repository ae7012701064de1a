import type Database from 'better-sqlite3';
import type { EvidenceRecord } from '../store-records';
import { prepared } from './prepared';

interface EvidenceRow {
  id: number;
  inbox_id: number;
  at: string;
  kind: string;
  data: string;
}

/** The trail of one event in the order it was written: received, plan, operations, result, actions. */
export function eventEvidence(db: Database.Database, inboxId: number): EvidenceRecord[] {
  const rows = prepared(db, 'SELECT id, inbox_id, at, kind, data FROM evidence WHERE inbox_id = ? ORDER BY id').all(inboxId) as EvidenceRow[];
  return rows.map((row) => ({ id: row.id, inboxId: row.inbox_id, at: row.at, kind: row.kind, data: JSON.parse(row.data) as unknown }));
}
