import { SyncError, isSyncError, type CancelDocumentOperation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';

/**
 * Cancels the target unless it is cancelled already. When a submitted document depends on it,
 * ERPNext refuses (LinkExistsError): the event ends as a conflict that names the blocker, after the
 * rest of its plan (a deferred conflict, like a blocked edit).
 */
export async function applyCancelDocument(op: CancelDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const known = await ctx.store.findOperation(op.key);
  if (known !== null) return known;
  const name = ctx.names.get(op.target.$ref);
  if (name === undefined) throw new Error(`operation ${op.target.$ref} has not produced a document yet`);
  const current = await ctx.erpnext.getDoc(op.doctype, name);
  let step = 'already_cancelled';
  if (Number(current.docstatus) === 1) {
    try {
      await ctx.erpnext.cancelDoc(op.doctype, name);
      step = 'cancelled';
    } catch (error) {
      if (!isSyncError(error) || error.code !== 'erpnext.link_exists') throw error;
      // Not remembered as done: once an operator removes the blocker, a retry cancels it.
      const reason = error.message.replace(/\s+/g, ' ').trim();
      ctx.deferred.push(SyncError.of('conflict.cancel_blocked', { message: reason, details: { doctype: op.doctype, name, reason }, cause: error }));
      await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: 'blocked', doctype: op.doctype, name, reason }, ctx.now());
      return { doctype: op.doctype, name };
    }
  } else if (Number(current.docstatus) === 0) {
    step = 'draft_left_alone';
  }
  const applied = { doctype: op.doctype, name };
  await ctx.store.recordOperation(op.key, applied, ctx.inboxId, ctx.now());
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step, doctype: op.doctype, name }, ctx.now());
  return applied;
}
