import { sameFieldValue, type UpdateDocumentOperation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { resolveDocRefs } from './resolve-doc-refs';

/**
 * Writes only the fields that differ (sameFieldValue: reconcile's customer drift compares alike),
 * sending the `modified` it read, so a concurrent edit in ERPNext makes Frappe refuse
 * (TimestampMismatchError, retried by the engine after a fresh read) instead of being overwritten.
 * Not remembered by key: comparing first already makes it idempotent.
 */
export async function applyUpdateDocument(op: UpdateDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const name = ctx.names.get(op.target.$ref);
  if (name === undefined) throw new Error(`operation ${op.target.$ref} has not produced a document yet`);
  const current = await ctx.erpnext.getDoc(op.doctype, name);
  const wanted = resolveDocRefs(op.changes, ctx.names);
  const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => !sameFieldValue(value, current[field])));
  const changed = Object.keys(changes);
  if (changed.length > 0) await ctx.erpnext.updateDoc(op.doctype, name, { ...changes, modified: current.modified });
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: changed.length > 0 ? 'updated' : 'unchanged', changed, doctype: op.doctype, name }, ctx.now());
  return { doctype: op.doctype, name };
}
