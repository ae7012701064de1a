import type { AppliedOperation } from '../../ports/ledger-port';
import { one, run, type Db } from './query';

export async function findOperation(db: Db, key: string): Promise<AppliedOperation | null> {
  const row = await one<{ doctype: string; doc_name: string; revision: string | null }>(db, 'SELECT doctype, doc_name, revision FROM operations WHERE op_key = $1', [key]);
  return row === undefined ? null : { doctype: row.doctype, name: row.doc_name, revision: row.revision };
}

const RECORD = `INSERT INTO operations (op_key, doctype, doc_name, inbox_id, applied_at, resource_key, revision)
  VALUES ($1, $2, $3, $4::bigint, $5, (SELECT resource_key FROM inbox WHERE id = $4::bigint), $6)
  ON CONFLICT (op_key) DO UPDATE SET doc_name = EXCLUDED.doc_name, revision = EXCLUDED.revision, applied_at = EXCLUDED.applied_at
  WHERE EXCLUDED.revision IS NOT NULL AND EXCLUDED.revision IS DISTINCT FROM operations.revision`;

/**
 * Idempotent: a replayed operation adopts the same document, so the row is simply kept — unless it
 * comes with another revision, which means the document was brought to new content (or replaced by
 * its amendment), and the row follows it.
 */
export async function recordOperation(db: Db, key: string, operation: AppliedOperation, inboxId: number, nowIso: string): Promise<void> {
  await run(db, RECORD, [key, operation.doctype, operation.name, inboxId, nowIso, operation.revision ?? null]);
}
