import { childRows } from '../model/new-doc';
import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeBold } from '../wire/message-log';
import { adjustBin, findBin } from './stock-bins';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const desk = (doctype: string, name: string): string => `<a href="/app/${doctype.toLowerCase().replace(/ /g, '-')}/${name}">${doctype} ${name}</a>`;

/** `get_valuation_rate`: no previous rate, no Item valuation or standard rate, zero not allowed. */
function requireValuation(ctx: Ctx, doc: Doc, row: Doc, item: Doc, binRate: number): void {
  if (binRate > 0 || num(item.valuation_rate) > 0 || num(item.standard_rate) > 0 || num(row.allow_zero_valuation_rate) === 1) return;
  const doctype = String(doc.doctype);
  ctx.log.throw(
    `Valuation Rate for the Item ${desk('Item', item.name)}, is required to do accounting entries for ${doctype} ${doc.name}.` +
      '<br><br>Here are the options to proceed:<ul><li>If the incoming entry is a zero valuation rate item, please enable "Allow Zero Valuation Rate" in the Items table.</li>' +
      '<li>If not, you can Cancel / Submit this entry</li><li>Mention Valuation Rate in the Item master.</li></ul>',
    'ValidationError',
    { title: 'Valuation Rate Missing', erpnext: true },
  );
}

/**
 * The stock ledger side of submitting a Delivery Note (or a stock-updating Sales Invoice): stock
 * leaves each Bin, with ERPNext's NegativeStockError (Stock Settings allow_negative_stock = 0)
 * and the missing-valuation error (notes §9). `sign` -1 takes stock out, +1 puts it back (cancel).
 */
export function moveStock(ctx: Ctx, doc: Doc, sign: 1 | -1): void {
  for (const row of childRows(doc, 'items')) {
    const item = row.item_code ? findDoc(ctx, 'Item', String(row.item_code)) : undefined;
    if (!item || num(item.is_stock_item) !== 1 || !row.warehouse) continue;
    const qty = num(row.stock_qty) || num(row.qty) * (num(row.conversion_factor) || 1);
    const warehouse = String(row.warehouse);
    const bin = findBin(ctx, item.name, warehouse);
    if (sign < 0) {
      const available = num(bin?.actual_qty);
      if (qty > available) {
        ctx.log.throw(
          `${frappeBold(String(qty - available))} units of ${desk('Item', item.name)} needed in ${desk('Warehouse', warehouse)} on ${String(doc.posting_date)} ${String(doc.posting_time ?? '')} for ${desk(String(doc.doctype), doc.name)} to complete this transaction.`,
          'NegativeStockError',
          { title: 'Insufficient Stock', erpnext: true },
        );
      }
      requireValuation(ctx, doc, row, item, num(bin?.valuation_rate));
    }
    // Delivering against an order releases that order's reservation.
    const releasesReservation = Boolean(row.against_sales_order || row.sales_order);
    adjustBin(ctx, item.name, warehouse, { actual_qty: sign * qty, ...(releasesReservation ? { reserved_qty: sign * qty } : {}) });
  }
}
