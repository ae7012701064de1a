import type { EnsureDocumentOperation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { reviseToMatch } from './apply-revision';
import { finishEnsure } from './finish-ensure';
import { isKeyClash } from './key-clash';
import { resolveDocRefs } from './resolve-doc-refs';

export async function findByKey(op: { doctype: string; key: string }, ctx: ApplyContext): Promise<{ name: string; docstatus: number } | null> {
  const existing = await ctx.erpnext.findOne(op.doctype, { shopsync_key: op.key }, ['name', 'docstatus']);
  return existing === null || existing === undefined ? null : { name: String(existing.name), docstatus: Number(existing.docstatus ?? 0) };
}

/**
 * Insert first, and adopt on ERPNext's unique-key refusal: one request in the common case, and
 * correct when an earlier attempt committed but its response was lost, or a concurrent worker won
 * the race — in both cases the key's unique index makes ERPNext hold exactly one document.
 */
export async function applyEnsureDocument(op: EnsureDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const known = await ctx.store.findOperation(op.key);
  const revision = op.revision;
  if (known !== null && (revision === undefined || known.revision === revision.digest)) return known;
  if (known !== null && revision !== undefined) return reviseToMatch({ ...op, revision }, known.name, ctx);
  try {
    const created = await ctx.erpnext.insertDoc(op.doctype, resolveDocRefs(op.doc, ctx.names));
    return finishEnsure(op, { name: String(created.name), docstatus: Number(created.docstatus ?? 0) }, 'inserted', ctx);
  } catch (error) {
    if (!isKeyClash(error)) throw error;
    const existing = await findByKey(op, ctx);
    if (existing === null) throw error;
    if (revision !== undefined) return reviseToMatch({ ...op, revision }, existing.name, ctx);
    return finishEnsure(op, existing, 'adopted', ctx);
  }
}
