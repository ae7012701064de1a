import { itemRate } from '../ledger/post-stock';
import { currentBalance } from '../ledger/replay-chain';
import { childRows } from '../model/new-doc';
import { collate, findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const unset = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * `remove_items_with_no_change`: a row whose quantity and rate (each, when given) equal what the
 * warehouse holds is dropped; the rest learn their current figures. Nothing left is
 * EmptyStockReconciliationItemsError; some dropped is a plain "Removed items ..." message.
 */
export function removeUnchanged(ctx: Ctx, doc: Doc): void {
  const rows = childRows(doc, 'items');
  const kept = rows.filter((row) => {
    const now = currentBalance(ctx, String(row.item_code ?? ''), String(row.warehouse ?? ''));
    if ((unset(row.qty) || num(row.qty) === now.qty) && (unset(row.valuation_rate) || num(row.valuation_rate) === now.rate)) return false;
    if (unset(row.qty)) row.qty = now.qty;
    if (unset(row.valuation_rate)) row.valuation_rate = now.rate;
    row.current_qty = now.qty;
    row.current_valuation_rate = now.rate;
    return true;
  });
  if (kept.length === 0) ctx.log.throw('None of the items have any change in quantity or value.', 'EmptyStockReconciliationItemsError', { erpnext: true });
  if (kept.length === rows.length) return;
  kept.forEach((row, index) => (row.idx = index + 1));
  doc.items = kept;
  ctx.log.msgprint('Removed items with no change in quantity or value.');
}

/** Python's repr of a list of str, as `raise frappe.ValidationError(self.validation_messages)` prints it. */
const pyList = (items: readonly string[]): string => `[${items.map((m) => `'${m.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;

/**
 * `validate_data`: every problem of every row is collected, each printed as a plain message, then
 * one ValidationError carries the list. A row with a quantity but no rate takes the warehouse's
 * last rate, else a buying price, else the Item's valuation rate.
 */
export function validateData(ctx: Ctx, doc: Doc): void {
  const messages: string[] = [];
  const seen = new Set<string>();
  childRows(doc, 'items').forEach((row, index) => {
    const at = (text: string) => messages.push(`Row # ${index + 1}: ${text}`);
    const key = `${collate(row.item_code)}\u0000${collate(row.warehouse)}`;
    if (seen.has(key)) at('Same item and warehouse combination already entered.');
    seen.add(key);
    const item = findDoc(ctx, 'Item', String(row.item_code ?? ''));
    if (item && num(item.is_stock_item) !== 1) messages.push(`Row # ${String(row.idx)}: Item ${item.name} is not a stock Item`);
    if (unset(row.qty) && unset(row.valuation_rate)) at('Please specify either Quantity or Valuation Rate or both');
    if (num(row.qty) < 0) at('Negative Quantity is not allowed');
    if (num(row.valuation_rate) < 0) at('Negative Valuation Rate is not allowed');
    if (num(row.qty) && unset(row.valuation_rate)) {
      const last = currentBalance(ctx, String(row.item_code ?? ''), String(row.warehouse ?? '')).rate;
      row.valuation_rate = last > 0 ? last : itemRate(ctx, String(row.item_code ?? ''));
    }
  });
  if (messages.length === 0) return;
  for (const message of messages) ctx.log.msgprint(message);
  throw new FrappeError({ excType: 'ValidationError', excArg: pyList(messages), fromErpnext: true });
}

/** `set_total_qty_and_amount`: amounts before and after, and their differences. */
export function setAmounts(doc: Doc): void {
  let difference = 0;
  for (const row of childRows(doc, 'items')) {
    row.amount = num(row.qty) * num(row.valuation_rate);
    row.current_amount = num(row.current_qty) * num(row.current_valuation_rate);
    row.quantity_difference = num(row.qty) - num(row.current_qty);
    row.amount_difference = num(row.amount) - num(row.current_amount);
    difference += num(row.amount_difference);
  }
  doc.difference_amount = Math.round(difference * 100) / 100;
}
