import type { UpdateDocumentOperation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { resolveDocRefs } from './resolve-doc-refs';

/** Compares a wanted value with the stored one; table rows are compared on the fields we send only. */
function sameValue(wanted: unknown, stored: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(stored) || stored.length !== wanted.length) return false;
    return wanted.every((row, index) => {
      const storedRow = stored[index] as Record<string, unknown>;
      return Object.entries(row as Record<string, unknown>).every(([field, value]) => sameValue(value, storedRow?.[field]));
    });
  }
  if (typeof wanted === 'number' || typeof stored === 'number') return Number(wanted ?? 0) === Number(stored ?? 0);
  // Frappe drops nulls and empty strings from single documents: absent and "" mean the same.
  return (wanted ?? '') === (stored ?? '');
}

/**
 * Writes only the fields that differ, sending the `modified` it read, so a concurrent edit in ERPNext
 * makes Frappe refuse (TimestampMismatchError, retried by the engine after a fresh read) instead of
 * being overwritten. Not remembered by key: comparing first already makes it idempotent.
 */
export async function applyUpdateDocument(op: UpdateDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const name = ctx.names.get(op.target.$ref);
  if (name === undefined) throw new Error(`operation ${op.target.$ref} has not produced a document yet`);
  const current = await ctx.erpnext.getDoc(op.doctype, name);
  const wanted = resolveDocRefs(op.changes, ctx.names);
  const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => !sameValue(value, current[field])));
  const changed = Object.keys(changes);
  if (changed.length > 0) await ctx.erpnext.updateDoc(op.doctype, name, { ...changes, modified: current.modified });
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: changed.length > 0 ? 'updated' : 'unchanged', changed, doctype: op.doctype, name }, ctx.now());
  return { doctype: op.doctype, name };
}
