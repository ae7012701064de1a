import { SyncError, isSyncError, type EnsureDocumentOperation } from '@shopsync/core';
import type { AppliedOperation, Store } from '../store/store';
import type { ErpnextPort } from './erpnext-port';
import { resolveDocRefs } from './resolve-doc-refs';

export interface ApplyContext {
  readonly erpnext: ErpnextPort;
  readonly store: Store;
  readonly inboxId: number;
  readonly now: () => Date;
  readonly names: ReadonlyMap<string, string>;
}

type Step = 'known' | 'inserted' | 'adopted';

/**
 * Insert first, and adopt on ERPNext's unique-key refusal: one request in the common case, and
 * correct when an earlier attempt committed but its response was lost, or a concurrent worker won
 * the race — in both cases the key's unique index makes ERPNext hold exactly one document.
 */
async function insertOrAdopt(op: EnsureDocumentOperation, ctx: ApplyContext): Promise<{ name: string; docstatus: number; step: Step }> {
  try {
    const created = await ctx.erpnext.insertDoc(op.doctype, resolveDocRefs(op.doc, ctx.names));
    return { name: String(created.name), docstatus: Number(created.docstatus ?? 0), step: 'inserted' };
  } catch (error) {
    if (!isSyncError(error) || (error.code !== 'erpnext.unique_violation' && error.code !== 'erpnext.duplicate_entry')) throw error;
    const existing = await ctx.erpnext.findOne(op.doctype, { shopsync_key: op.key }, ['name', 'docstatus']);
    if (existing === null || existing === undefined) throw error;
    return { name: String(existing.name), docstatus: Number(existing.docstatus ?? 0), step: 'adopted' };
  }
}

export async function applyEnsureDocument(op: EnsureDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const known = await ctx.store.findOperation(op.key);
  if (known !== null) {
    await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: 'known', doctype: known.doctype, name: known.name }, ctx.now());
    return known;
  }
  const { name, docstatus, step } = await insertOrAdopt(op, ctx);
  if (docstatus === 2) {
    throw SyncError.permanent({
      code: 'conflict.document_cancelled',
      category: 'conflict',
      message: `${op.doctype} ${name} for ${op.key} was cancelled in ERPNext`,
      details: { doctype: op.doctype, name, key: op.key },
    });
  }
  // Submitted in a second request: ERPNext leaves a Sales Order inserted with docstatus 1 in status "Draft".
  const submitted = op.submit && docstatus === 0;
  if (submitted) await ctx.erpnext.submitDoc(op.doctype, name);
  const applied = { doctype: op.doctype, name };
  await ctx.store.recordOperation(op.key, applied, ctx.inboxId, ctx.now());
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step, submitted, doctype: op.doctype, name }, ctx.now());
  return applied;
}
