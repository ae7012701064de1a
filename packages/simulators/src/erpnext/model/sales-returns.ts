import { mapDocument } from '../methods/map-document';
import { childRows } from './new-doc';
import { getDocOr404, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeBold } from '../wire/message-log';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** What differs between the returns ERPNext's sales_and_purchase_return module makes. */
export interface ReturnKind {
  readonly doctype: 'Sales Invoice' | 'Delivery Note';
  /** The row field pointing at the original row it returns. */
  readonly rowLink: 'sales_invoice_item' | 'dn_detail';
  readonly series: string;
}

export const SALES_INVOICE_RETURN: ReturnKind = { doctype: 'Sales Invoice', rowLink: 'sales_invoice_item', series: 'ACC-SINV-RET-.YYYY.-' };
export const DELIVERY_NOTE_RETURN: ReturnKind = { doctype: 'Delivery Note', rowLink: 'dn_detail', series: 'MAT-DN-RET-.YYYY.-' };

/** Quantity of each original row already given back by submitted returns against it. */
function returnedQuantities(ctx: Ctx, kind: ReturnKind, sourceName: string, exceptReturn?: string): Map<string, number> {
  const returned = new Map<string, number>();
  for (const other of ctx.site.store.all(kind.doctype)) {
    if (other.return_against !== sourceName || other.docstatus !== 1 || other.name === exceptReturn) continue;
    for (const row of childRows(other, 'items')) {
      const source = String(row[kind.rowLink] ?? '');
      returned.set(source, (returned.get(source) ?? 0) + Math.abs(num(row.qty)));
    }
  }
  return returned;
}

/**
 * make_return_doc: a draft return against a submitted document, every row's remaining quantity
 * negated and pointing at the row it gives back. Callers add what their doctype negates besides.
 * A row already given back in full is still offered, at qty 0: v15 maps every row whose source qty is
 * not 0 (`item_condition` returns `doc.qty`) and `update_item` sets `-(qty - returned qty)`.
 */
export function draftReturn(ctx: Ctx, kind: ReturnKind, sourceName: string): { source: Doc; draft: Doc } {
  const source = getDocOr404(ctx, kind.doctype, sourceName);
  if (num(source.is_return) === 1) ctx.log.throw(`${kind.doctype} ${String(source.name)} is itself a return`, 'ValidationError', { erpnext: true });
  const returned = returnedQuantities(ctx, kind, String(source.name));
  const draft = mapDocument(ctx, source, kind.doctype, {
    sourceTable: 'items',
    targetTable: 'items',
    fieldMap: { name: kind.rowLink },
    adjust: (line, row) => {
      if (num(line.qty) === 0) return false;
      const left = Math.max(num(line.qty) - (returned.get(String(line.name)) ?? 0), 0);
      row.qty = left === 0 ? 0 : -left;
      return true;
    },
  });
  Object.assign(draft, { is_return: 1, return_against: source.name, naming_series: kind.series });
  return { source, draft };
}

/**
 * The return rules of v15 AccountsController.validate, in its order:
 * - a Sales Invoice return with `update_stock` refuses rows at qty 0
 *   (`validate_zero_qty_for_return_invoices_with_stock`); without it a return may carry qty-0 rows,
 *   as a credit note for shipping or a rate only does (`validate_qty_is_not_zero` skips returns);
 * - `validate_returned_items` → `validate_quantity`: a row with qty < 0 of a row given back in full is
 *   "already been returned", else it gives back at most what is left; qty-0 rows are not checked;
 * - status_updater `validate_qty`: a positive quantity is refused.
 */
export function validateReturn(ctx: Ctx, kind: ReturnKind, doc: Doc): void {
  const rows = childRows(doc, 'items');
  const zero = rows.filter((row) => num(row.qty) === 0);
  if (kind.doctype === 'Sales Invoice' && num(doc.update_stock) === 1 && zero.length > 0) {
    const listed = zero.map((row) => `#${String(row.idx)}`);
    const affected = listed.length === 1 ? listed[0]! : `${listed.slice(0, -1).map((idx) => `'${idx}'`).join(', ')} and '${listed.at(-1)!}'`;
    ctx.log.throw(`For Return Invoices with Stock effect, '0' qty Items are not allowed. Following rows are affected: ${frappeBold(affected)}`, 'ValidationError', { erpnext: true });
  }
  const original = doc.return_against ? ctx.site.store.get(kind.doctype, String(doc.return_against)) : undefined;
  if (original && original.docstatus === 1) {
    const returned = returnedQuantities(ctx, kind, String(original.name), String(doc.name ?? ''));
    for (const row of rows) {
      const source = childRows(original, 'items').find((line) => line.name === row[kind.rowLink]);
      if (!source || num(row.qty) >= 0) continue;
      const left = num(source.qty) - (returned.get(String(source.name)) ?? 0);
      if (left <= 0) ctx.log.throw(`Item ${String(row.item_code)} has already been returned`, 'ValidationError', { erpnext: true });
      if (Math.abs(num(row.qty)) > left + 1e-9) {
        ctx.log.throw(`Row # ${String(row.idx)}: Cannot return more than ${left} for Item ${String(row.item_code)}`, 'ValidationError', { erpnext: true });
      }
    }
  }
  const positive = rows.find((row) => num(row.qty) > 0);
  if (positive) ctx.log.throw(`For an item ${String(positive.item_code)}, quantity must be negative number`, 'ValidationError', { erpnext: true });
}
