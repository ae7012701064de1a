import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import type { AppliedOperation } from '../store';

export function findOperation(db: Database.Database, key: string): AppliedOperation | null {
  const row = prepared(db, 'SELECT doctype, doc_name FROM operations WHERE op_key = ?').get(key) as { doctype: string; doc_name: string } | undefined;
  return row === undefined ? null : { doctype: row.doctype, name: row.doc_name };
}

/** Idempotent: a replayed operation adopts the same document, so the row is simply kept. */
export function recordOperation(db: Database.Database, key: string, operation: AppliedOperation, inboxId: number, nowIso: string): void {
  prepared(
    db,
    `INSERT INTO operations (op_key, doctype, doc_name, inbox_id, applied_at, resource_key)
     VALUES (?, ?, ?, ?, ?, (SELECT resource_key FROM inbox WHERE id = ?)) ON CONFLICT (op_key) DO NOTHING`,
  ).run(key, operation.doctype, operation.name, inboxId, nowIso, inboxId);
}
