import type { Meta } from '../meta/meta';
import { findDoc, requireMeta, type Ctx } from '../site/site';
import type { Doc, FieldDef } from '../types';
import { childRows } from './new-doc';

/** The doctype a Link / Dynamic Link field points at, if the simulator models it. */
function target(ctx: Ctx, df: FieldDef, row: Doc): string | undefined {
  const doctype = df.fieldtype === 'Link' ? df.options : df.fieldtype === 'Dynamic Link' ? String(row[df.options ?? ''] ?? '') : undefined;
  // Links to doctypes the simulator does not model (DocType, Item Tax Template, ...) are accepted.
  return doctype && ctx.site.registry.get(doctype) ? doctype : undefined;
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * `get_invalid_links` fetches along with each link: a field whose `fetch_from` is
 * "<link field>.<source field>" takes the linked document's value (only when empty, with
 * `fetch_if_empty`), so the mandatory check that follows sees it.
 */
function fetchFrom(meta: Meta, row: Doc, linkField: string, linked: Doc): void {
  for (const df of meta.fields) {
    if (!df.fetch_from?.startsWith(`${linkField}.`)) continue;
    if (df.fetch_if_empty === 1 && !isEmpty(row[df.fieldname])) continue;
    row[df.fieldname] = linked[df.fetch_from.slice(linkField.length + 1)] ?? null;
  }
}

function invalidIn(ctx: Ctx, meta: Meta, row: Doc, prefix: string, out: string[], cancelled: string[]): void {
  for (const df of meta.columns) {
    const value = row[df.fieldname];
    if (value === null || value === undefined || value === '') continue;
    const doctype = target(ctx, df, row);
    if (!doctype) continue;
    const linked = findDoc(ctx, doctype, String(value));
    if (!linked) {
      out.push(`${prefix}${df.label ?? df.fieldname}: ${String(value)}`);
      continue;
    }
    fetchFrom(meta, row, df.fieldname, linked);
    // An amendment names the cancelled document it replaces: that is the one link allowed to be cancelled.
    if (linked.docstatus === 2 && df.fieldname !== 'amended_from' && ctx.site.registry.get(doctype)?.isSubmittable) cancelled.push(`${doctype} ${String(value)}`);
  }
}

/**
 * `_validate_links`: every link must name an existing document. All bad links are collected and
 * reported in one LinkValidationError, child rows as "Row #1: Item Code: X" (notes §5).
 */
export function validateLinks(ctx: Ctx, meta: Meta, doc: Doc): void {
  const invalid: string[] = [];
  const cancelled: string[] = [];
  invalidIn(ctx, meta, doc, '', invalid, cancelled);
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    for (const row of childRows(doc, table.fieldname)) invalidIn(ctx, childMeta, row, `Row #${String(row.idx)}: `, invalid, cancelled);
  }
  if (invalid.length > 0) ctx.log.throw(`Could not find ${invalid.join(', ')}`, 'LinkValidationError');
  // get_invalid_links only collects cancelled targets when the linking doctype is itself submittable
  // (frappe/model/base_document.py); a log or master may point at a cancelled document.
  if (cancelled.length > 0 && meta.isSubmittable && doc.docstatus !== 2) {
    ctx.log.throw(`Cannot link cancelled document: ${cancelled.join(', ')}`, 'CancelledLinkError');
  }
}
