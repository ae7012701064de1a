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
  return recordUpdated(op, name, changed, ctx);
}

/**
 * The one 'operation' evidence row of an update, whether it went over REST (above) or in a batch
 * (apply-ensure-batch.ts, which adds `via`): 'updated' with the fields written, or 'unchanged'.
 */
export async function recordUpdated(
  op: Pick<UpdateDocumentOperation, 'key' | 'doctype'>,
  name: string,
  changed: readonly string[],
  ctx: Pick<ApplyContext, 'store' | 'inboxId' | 'now'>,
  evidence: Record<string, unknown> = {},
): Promise<AppliedOperation> {
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: changed.length > 0 ? 'updated' : 'unchanged', changed, doctype: op.doctype, name, ...evidence }, ctx.now());
  return { doctype: op.doctype, name };
}
