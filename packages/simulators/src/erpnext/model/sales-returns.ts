import { mapDocument } from '../methods/map-document';
import { childRows } from './new-doc';
import { getDocOr404, type Ctx } from '../site/site';
import type { Doc } from '../types';

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
      const left = num(line.qty) - (returned.get(String(line.name)) ?? 0);
      if (left <= 0) return false;
      row.qty = -left;
      return true;
    },
  });
  Object.assign(draft, { is_return: 1, return_against: source.name, naming_series: kind.series });
  return { source, draft };
}

/** validate_return: negative quantities, never more back than the original row had left. */
export function validateReturn(ctx: Ctx, kind: ReturnKind, doc: Doc): void {
  const positive = childRows(doc, 'items').find((row) => num(row.qty) > 0);
  if (positive) ctx.log.throw(`Row #${String(positive.idx)}: Quantity must be negative in return document`, 'ValidationError', { erpnext: true });
  const original = doc.return_against ? ctx.site.store.get(kind.doctype, String(doc.return_against)) : undefined;
  if (!original || original.docstatus !== 1) return;
  const returned = returnedQuantities(ctx, kind, String(original.name), String(doc.name ?? ''));
  for (const row of childRows(doc, 'items')) {
    const source = childRows(original, 'items').find((line) => line.name === row[kind.rowLink]);
    if (!source) continue;
    const left = num(source.qty) - (returned.get(String(source.name)) ?? 0);
    if (Math.abs(num(row.qty)) > left + 1e-9) {
      ctx.log.throw(`Row # ${String(row.idx)}: Cannot return more than ${left} for Item ${String(row.item_code)}`, 'ValidationError', { erpnext: true });
    }
  }
}
