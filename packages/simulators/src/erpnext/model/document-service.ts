import type { Meta } from '../meta/meta';
import { DOC_ACTIONS, getDocOr404, requireMeta, type Ctx, type DocAction, type SavePhase } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { findBackLinks, throwLinkExists } from './back-links';
import { dbInsert, dbUpdate } from './db-write';
import { nameChildren, setNewName } from './naming';
import { setTitleField } from './title-field';
import { buildChildRows, buildNewDoc, childRows, finaliseColumns } from './new-doc';
import { validateUpdateAfterSubmit } from './update-after-submit';
import { validateMandatory, validateSelectsAndLengths } from './validate-fields';
import { validateLinks } from './validate-links';
import { assertWritable } from './read-only-doctypes';

type Raw = Record<string, unknown>;

// Standard columns a request body can never set directly.
const PROTECTED = new Set(['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx', 'doctype', 'parent', 'parentfield', 'parenttype']);

/** `check_docstatus_transition` (notes §2 table); raised bare, so there is no msgprint. */
function actionFor(stored: number, requested: number): DocAction {
  if (stored === 2) throw new FrappeError({ excType: 'ValidationError', excArg: 'Cannot edit cancelled document' });
  if (stored === 0 && requested === 0) return DOC_ACTIONS.save;
  if (stored === 0 && requested === 1) return DOC_ACTIONS.submit;
  if (stored === 1 && requested === 1) return DOC_ACTIONS.updateAfterSubmit;
  if (stored === 1 && requested === 2) return DOC_ACTIONS.cancel;
  const names = ['Draft', 'Submitted', 'Cancelled'];
  throw new FrappeError({ excType: 'DocstatusTransitionError', excArg: `Cannot change docstatus from ${stored} (${names[stored]}) to ${requested} (${names[requested] ?? requested})` });
}

function setChildStandard(doc: Doc, meta: Meta): void {
  for (const table of meta.tables) {
    for (const row of childRows(doc, table.fieldname)) {
      Object.assign(row, { docstatus: doc.docstatus, owner: row.owner ?? doc.owner, creation: row.creation ?? doc.creation, modified: doc.modified, modified_by: doc.modified_by });
    }
  }
}

/** Shared tail of insert and save: validate, write, then the post-save hooks. */
function runSave(ctx: Ctx, meta: Meta, doc: Doc, phase: SavePhase): Doc {
  const controller = ctx.site.controllers[meta.name];
  controller?.prepare?.(ctx, doc, phase);
  validateLinks(ctx, meta, doc);
  if (phase.isNew) setNewName(ctx, meta, doc);
  controller?.validate?.(ctx, doc, phase);
  setTitleField(meta, doc, phase.isNew);
  if (phase.action !== DOC_ACTIONS.cancel) {
    validateMandatory(ctx, meta, doc);
    validateSelectsAndLengths(ctx, meta, doc);
  }
  if (phase.action === DOC_ACTIONS.updateAfterSubmit && phase.before) validateUpdateAfterSubmit(ctx, meta, phase.before, doc);
  finaliseColumns(ctx, meta, doc);
  setChildStandard(doc, meta);
  if (phase.isNew) dbInsert(ctx, meta, doc);
  else dbUpdate(ctx, meta, doc);
  const after = controller?.afterSave?.(ctx, doc, phase) ?? doc;
  // `on_cancel` runs first, then `check_no_back_links_exist`: only submitted documents block.
  if (phase.action === DOC_ACTIONS.cancel) {
    const ref = findBackLinks(ctx, meta.name, doc.name, { submittedOnly: true, ignoreFields: ['amended_from', ...(controller?.ignoreLinksOnCancel ?? [])] })[0];
    if (ref) throwLinkExists(ctx, meta.name, doc.name, ref);
  }
  return after;
}

/** `frappe.get_doc(doctype, name)`: 404 for a missing document. */
export function readDoc(ctx: Ctx, doctype: string, name: string): Doc {
  requireMeta(ctx, doctype);
  return getDocOr404(ctx, doctype, name);
}

/** `POST /api/resource/{doctype}`: `frappe.new_doc(doctype, **data).insert()`. */
export function insertDoc(ctx: Ctx, doctype: string, raw: Raw): Doc {
  const meta = requireMeta(ctx, doctype);
  assertWritable(ctx, meta.name);
  const doc = buildNewDoc(ctx, meta, raw);
  const stamp = ctx.site.clock.stamp();
  Object.assign(doc, { creation: stamp, modified: stamp });
  if (doc.docstatus !== 0 && doc.docstatus !== 1) actionFor(0, Number(doc.docstatus));
  if (doc.docstatus === 1 && !meta.isSubmittable) throw new FrappeError({ excType: 'ValidationError', excArg: `Cannot submit ${doctype}: it is not submittable` });
  const action = doc.docstatus === 1 ? DOC_ACTIONS.submit : DOC_ACTIONS.save;
  return runSave(ctx, meta, doc, { action, isNew: true });
}

/** `PUT /api/resource/{doctype}/{name}`: `doc.update(data); doc.save()` (notes §2). */
export function saveDoc(ctx: Ctx, doctype: string, name: string, raw: Raw): Doc {
  const meta = requireMeta(ctx, doctype);
  assertWritable(ctx, meta.name);
  const before = readDoc(ctx, doctype, name);
  const doc: Doc = structuredClone(before);
  for (const df of meta.columns) if (!PROTECTED.has(df.fieldname) && df.fieldname in raw) doc[df.fieldname] = raw[df.fieldname];
  for (const table of meta.tables) {
    if (!(table.fieldname in raw)) continue;
    // The table is replaced by the rows sent; a row naming an unknown child is silently lost.
    const known = new Set(childRows(before, table.fieldname).map((row) => String(row.name)));
    const rows = buildChildRows(ctx, meta, table, raw[table.fieldname], false).filter((row) => row.name === '' || known.has(String(row.name)));
    doc[table.fieldname] = rows;
    nameChildren(ctx, doc, table.fieldname, known);
  }
  const requested = raw.docstatus === undefined ? Number(before.docstatus) : Number(raw.docstatus);
  doc.modified = ctx.site.clock.stamp();
  doc.modified_by = ctx.user;
  // check_if_latest validates the docstatus transition before it reports a stale `modified`.
  const action = actionFor(Number(before.docstatus), requested);
  // Without `modified` in the body the row just loaded is used: last write wins (notes §2).
  if (raw.modified !== undefined && String(raw.modified) !== String(before.modified)) {
    ctx.log.throw(
      `Error: Document has been modified after you have opened it (${String(before.modified)}, ${String(doc.modified)}). Please refresh to get the latest document.`,
      'TimestampMismatchError',
    );
  }
  doc.docstatus = requested;
  return runSave(ctx, meta, doc, { action, isNew: false, before });
}

/** `frappe.delete_doc`: submitted documents and linked ones cannot be deleted. */
export function deleteDoc(ctx: Ctx, doctype: string, name: string): void {
  const meta = requireMeta(ctx, doctype);
  assertWritable(ctx, meta.name);
  const doc = getDocOr404(ctx, doctype, name);
  if (doc.docstatus === 1) {
    ctx.log.throw(`${doctype} ${doc.name}: Submitted Record cannot be deleted. You must <a href='https://docs.erpnext.com//docs/user/manual/en/setting-up/articles/delete-submitted-document' target='_blank'>Cancel</a> it first.`);
  }
  ctx.site.controllers[meta.name]?.onTrash?.(ctx, doc);
  const ref = findBackLinks(ctx, doctype, doc.name, { submittedOnly: false, ignoreFields: ['amended_from'] })[0];
  if (ref) throwLinkExists(ctx, doctype, doc.name, ref);
  ctx.site.store.delete(doctype, doc.name);
}
