import type Database from 'better-sqlite3';
import { RECEIVED_COLUMNS, trailOf, type EvidenceRow, type ReceivedRow } from '../received-evidence';
import type { EvidenceRecord } from '../store-records';
import { prepared } from './prepared';

/** The trail of one event in the order it was written: received (from its inbox row), plan, operations, result, actions. */
export function eventEvidence(db: Database.Database, inboxId: number): EvidenceRecord[] {
  const event = prepared(db, `SELECT ${RECEIVED_COLUMNS} FROM inbox WHERE id = ?`).get(inboxId) as ReceivedRow | undefined;
  const rows = prepared(db, 'SELECT id, inbox_id, at, kind, data FROM evidence WHERE inbox_id = ? ORDER BY id').all(inboxId) as EvidenceRow[];
  return trailOf(inboxId, event, rows);
}
