import type { EnsureMappedDocumentOperation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { findByKey } from './apply-ensure-document';
import { isKeyClash } from './key-clash';
import { applyTableEdits } from './apply-table-edits';
import { finishEnsure } from './finish-ensure';
import { resolveDocRefs } from './resolve-doc-refs';

const MAPPER_VERB = 'POST';

/** Keys ERPNext's mapper puts on a draft that must not be sent back on insert. */
const DRAFT_ONLY_FIELDS = ['name', '__islocal', '__unsaved', 'creation', 'modified', 'owner', 'modified_by'];

/**
 * Looks the key up before mapping: once the earlier document is submitted, ERPNext's mapper no
 * longer offers the rows (they are billed), so adopting must not depend on mapping again.
 */
export async function applyEnsureMappedDocument(op: EnsureMappedDocumentOperation, ctx: ApplyContext): Promise<AppliedOperation> {
  const known = await ctx.store.findOperation(op.key);
  if (known !== null) return known;
  const existing = await findByKey(op, ctx);
  if (existing !== null) return finishEnsure(op, existing, 'adopted', ctx);
  // POST with a JSON body: from a query string every argument reaches the mapper as a str, and
  // get_payment_entry does not convert party_amount (a real ERPNext 15 answers a 500 TypeError).
  // The mapper only drafts, so the client may retry it like a read.
  const draft = (await ctx.erpnext.callMethod(op.method, resolveDocRefs(op.args, ctx.names), { verb: MAPPER_VERB, readOnly: true })) as Record<string, unknown>;
  const doc: Record<string, unknown> = { ...draft, ...resolveDocRefs(op.set, ctx.names) };
  for (const field of DRAFT_ONLY_FIELDS) delete doc[field];
  applyTableEdits(doc, op.tableEdits, ctx.names, op.doctype);
  try {
    const created = await ctx.erpnext.insertDoc(op.doctype, doc);
    return finishEnsure(op, { name: String(created.name), docstatus: Number(created.docstatus ?? 0) }, 'inserted', ctx, { mapper: { method: op.method, verb: MAPPER_VERB } });
  } catch (error) {
    if (!isKeyClash(error)) throw error;
    const raced = await findByKey(op, ctx);
    if (raced === null) throw error;
    return finishEnsure(op, raced, 'adopted', ctx, { mapper: { method: op.method, verb: MAPPER_VERB } });
  }
}
