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
  return recordEnsured(op, found.name, step, submitted, ctx, evidence);
}

/**
 * Remembers the key's document and leaves one 'operation' evidence row: the record every ensure
 * ends with, whether its requests went one by one (finishEnsure) or in one batch (apply-ensure-batch.ts).
 */
export async function recordEnsured(
  op: { key: string; doctype: string; revision?: { digest: string } },
  name: string,
  step: 'inserted' | 'adopted' | 'amended' | 'rewritten',
  submitted: boolean,
  ctx: Pick<ApplyContext, 'store' | 'inboxId' | 'now'>,
  evidence: Record<string, unknown> = {},
): Promise<AppliedOperation> {
  const applied = { doctype: op.doctype, name, revision: op.revision?.digest ?? null };
  await ctx.store.recordOperation(op.key, applied, ctx.inboxId, ctx.now());
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step, submitted, doctype: op.doctype, name, ...evidence }, ctx.now());
  return applied;
}

export function cancelledConflict(doctype: string, name: string, key: string): SyncError {
  return SyncError.of('conflict.document_cancelled', {
    message: `${doctype} ${name} (${key}) was cancelled in ERPNext`,
    details: { doctype, name, key },
  });
}
