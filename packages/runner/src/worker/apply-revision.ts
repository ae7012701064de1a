import { SyncError, contentDigest, isSyncError, type EnsureDocumentOperation, type Revision } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import type { ErpnextPort } from './erpnext-port';
import { isKeyClash } from './key-clash';
import { flushKept } from './event-unit-of-work';
import { cancelledConflict, finishEnsure } from './finish-ensure';
import { resolveDocRefs } from './resolve-doc-refs';

type RevisableOperation = EnsureDocumentOperation & { readonly revision: Revision };

/** The key of the n-th amendment: the cancelled original keeps `key` in its unique field. */
const amendmentKey = (key: string, n: number): string => `${key}~${n}`;

/** Recorded before shopsync cancels a document to amend it, so a crash after the cancel resumes the amendment. */
const cancelIntentKey = (key: string, name: string): string => `revise:${key}:${name}`;

function amendmentNumber(key: string, held: unknown): number {
  const suffix = typeof held === 'string' && held.startsWith(`${key}~`) ? Number(held.slice(key.length + 1)) : 0;
  return Number.isSafeInteger(suffix) ? suffix : 0;
}

/** Follows `amended_from` links to the newest document of the chain that started with `name`. */
export async function newestAmendment(doctype: string, name: string, erpnext: Pick<ErpnextPort, 'findOne'>): Promise<string> {
  let current = name;
  for (;;) {
    const next = await erpnext.findOne(doctype, { amended_from: current }, ['name']);
    if (next === null || next === undefined) return current;
    current = String(next.name);
  }
}

function blockedEdit(doctype: string, name: string, error: SyncError): SyncError {
  const reason = error.message.replace(/\s+/g, ' ').trim();
  return SyncError.of('conflict.order_edit_blocked', { message: reason, details: { doctype, name, reason }, cause: error });
}

/** Cancels the document to amend it; false when a submitted document linked to it blocks that. */
async function cancelToAmend(op: RevisableOperation, name: string, ctx: ApplyContext): Promise<boolean> {
  await ctx.store.recordOperation(cancelIntentKey(op.key, name), { doctype: op.doctype, name }, ctx.inboxId, ctx.now());
  // The intent must be durable before the cancel it announces.
  await flushKept(ctx.store);
  try {
    await ctx.erpnext.cancelDoc(op.doctype, name);
    return true;
  } catch (error) {
    if (!isSyncError(error) || error.code !== 'erpnext.link_exists') throw error;
    ctx.deferred.push(blockedEdit(op.doctype, name, error));
    return false;
  }
}

/**
 * The edit cannot be applied: the document stays as it is and is remembered with the content it
 * holds, so every later event of the order tries again (and reports the conflict again) until an
 * operator has removed what blocks it; the rest of the plan goes on against the unchanged document.
 */
async function keepAsItIs(op: RevisableOperation, name: string, held: Record<string, unknown>, ctx: ApplyContext): Promise<AppliedOperation> {
  const applied = { doctype: op.doctype, name, revision: contentDigest(held, op.revision.shape) };
  await ctx.store.recordOperation(op.key, applied, ctx.inboxId, ctx.now());
  await ctx.store.addEvidence(ctx.inboxId, 'operation', { key: op.key, step: 'kept', doctype: op.doctype, name, reason: 'the edit is blocked' }, ctx.now());
  return applied;
}

async function insertAmendment(op: RevisableOperation, cancelled: string, number: number, ctx: ApplyContext): Promise<AppliedOperation> {
  const key = amendmentKey(op.key, number);
  const doc = { ...resolveDocRefs(op.doc, ctx.names), shopsync_key: key, amended_from: cancelled };
  try {
    const created = await ctx.erpnext.insertDoc(op.doctype, doc);
    return finishEnsure(op, { name: String(created.name), docstatus: Number(created.docstatus ?? 0) }, 'amended', ctx, { from: cancelled });
  } catch (error) {
    if (!isKeyClash(error)) throw error;
    const existing = await ctx.erpnext.findOne(op.doctype, { shopsync_key: key }, ['name', 'docstatus']);
    if (existing === null || existing === undefined) throw error;
    return finishEnsure(op, { name: String(existing.name), docstatus: Number(existing.docstatus ?? 0) }, 'amended', ctx, { from: cancelled });
  }
}

/**
 * Brings the document an earlier attempt made (`name`, or its newest amendment) to the plan's
 * content. Same content: adopted. A draft: its content is rewritten. Submitted: ERPNext's own
 * correction — cancel, then an amendment holding the new content; a submitted document linked to it
 * (an invoice, a delivery) blocks the cancel: the document is kept, the rest of the plan still runs,
 * and the event ends as a conflict that names the blocker. Every step is found again on replay, so a
 * crash between any two leaves one active document.
 */
export async function reviseToMatch(op: RevisableOperation, name: string, ctx: ApplyContext): Promise<AppliedOperation> {
  const newest = await newestAmendment(op.doctype, name, ctx.erpnext);
  const held = await ctx.erpnext.getDoc(op.doctype, newest);
  const docstatus = Number(held.docstatus ?? 0);
  const number = amendmentNumber(op.key, held.shopsync_key);
  if (docstatus === 2) {
    if ((await ctx.store.findOperation(cancelIntentKey(op.key, newest))) === null) throw cancelledConflict(op.doctype, newest, op.key);
    return insertAmendment(op, newest, number + 1, ctx);
  }
  if (contentDigest(held, op.revision.shape) === op.revision.digest) return finishEnsure(op, { name: newest, docstatus }, 'adopted', ctx);
  if (docstatus === 0) {
    const changes = resolveDocRefs(op.doc, ctx.names);
    const content = Object.fromEntries([...op.revision.shape.fields, ...op.revision.shape.tables.map((t) => t.table)].map((field) => [field, changes[field]]));
    await ctx.erpnext.updateDoc(op.doctype, newest, content);
    return finishEnsure(op, { name: newest, docstatus }, 'rewritten', ctx);
  }
  if (!(await cancelToAmend(op, newest, ctx))) return keepAsItIs(op, newest, held, ctx);
  return insertAmendment(op, newest, number + 1, ctx);
}
