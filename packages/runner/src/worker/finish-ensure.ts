import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { SyncError } from '@shopsync/core';

/**
 * The shared tail of every ensure: refuse a document someone cancelled in ERPNext, submit it if the
 * plan wants it submitted and it is still a draft (ERPNext leaves a Sales Order inserted with
 * docstatus 1 in status "Draft", so submitting is always a second request), then remember the key.
 */
export async function finishEnsure(
  op: { key: string; doctype: string; submit: boolean; revision?: { digest: string } },
  found: { name: string; docstatus: number },
  step: 'inserted' | 'adopted' | 'amended' | 'rewritten',
  ctx: ApplyContext,
  evidence: Record<string, unknown> = {},
): Promise<AppliedOperation> {
  if (found.docstatus === 2) throw cancelledConflict(op.doctype, found.name, op.key);
  const submitted = op.submit && found.docstatus === 0;
  if (submitted) await ctx.erpnext.submitDoc(op.doctype, found.name);
  const applied = { doctype: op.doctype, name: found.name, revision: op.revision?.digest ?? null };
  await ctx.store.recordOperation(op.key, applied, ctx.inboxId, ctx.now());
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step, submitted, doctype: op.doctype, name: found.name, ...evidence }, ctx.now());
  return applied;
}

export function cancelledConflict(doctype: string, name: string, key: string): SyncError {
  return SyncError.of('conflict.document_cancelled', {
    message: `${doctype} ${name} (${key}) was cancelled in ERPNext`,
    details: { doctype, name, key },
  });
}
