import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import type { AppliedOperation } from '../ports/ledger-port';

export function findOperation(db: Database.Database, key: string): AppliedOperation | null {
  const row = prepared(db, 'SELECT doctype, doc_name, revision FROM operations WHERE op_key = ?').get(key) as { doctype: string; doc_name: string; revision: string | null } | undefined;
  return row === undefined ? null : { doctype: row.doctype, name: row.doc_name, revision: row.revision };
}

/**
 * Idempotent: a replayed operation adopts the same document, so the row is simply kept — unless it
 * comes with another revision, which means the document was brought to new content (or replaced by
 * its amendment), and the row follows it.
 */
export function recordOperation(db: Database.Database, key: string, operation: AppliedOperation, inboxId: number, nowIso: string): void {
  prepared(
    db,
    `INSERT INTO operations (op_key, doctype, doc_name, inbox_id, applied_at, resource_key, revision)
     VALUES (@key, @doctype, @name, @inboxId, @now, (SELECT resource_key FROM inbox WHERE id = @inboxId), @revision)
     ON CONFLICT (op_key) DO UPDATE SET doc_name = excluded.doc_name, revision = excluded.revision, applied_at = excluded.applied_at
     WHERE excluded.revision IS NOT NULL AND excluded.revision IS NOT operations.revision`,
  ).run({ key, doctype: operation.doctype, name: operation.name, inboxId, now: nowIso, revision: operation.revision ?? null });
}
