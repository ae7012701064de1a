import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeBold } from '../wire/message-log';

/**
 * `frappe.get_desk_link`-style anchor, as the stock messages embed them. With `show_title_with_name`
 * (ERPNext passes it for the Item) the link reads "Item SKU-1: Its Name" when the title differs.
 */
export const desk = (doctype: string, name: string, title?: unknown): string => {
  const shown = typeof title === 'string' && title !== '' && title !== name ? `${name}: ${title}` : name;
  return `<a href="/app/${doctype.toLowerCase().replace(/ /g, '-')}/${name}">${doctype} ${shown}</a>`;
};

/** Python's str(float): 5 → "5.0", 2.5 → "2.5". */
export const pyFloat = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

/**
 * `validate_negative_qty_in_future_sle` / `raise_exceptions` (NegativeStockError, title
 * "Insufficient Stock"): names the first entry the move leaves below zero, which may be a later
 * voucher when a receipt is cancelled after its stock was used. The item is linked with
 * `show_title_with_name=True`, so it reads "Item SKU-1: Its Name" (observed on v15); the
 * warehouse and the voucher read as their names (observed).
 */
export function throwNegativeStock(ctx: Ctx, entry: Doc): never {
  const short = Math.abs(Number(entry.qty_after_transaction));
  const itemName = findDoc(ctx, 'Item', String(entry.item_code))?.item_name;
  ctx.log.throw(
    `${frappeBold(pyFloat(short))} units of ${desk('Item', String(entry.item_code), itemName)} needed in ${desk('Warehouse', String(entry.warehouse))} on ${String(entry.posting_date)} ${String(entry.posting_time ?? '')} for ${desk(String(entry.voucher_type), String(entry.voucher_no))} to complete this transaction.`,
    'NegativeStockError',
    { title: 'Insufficient Stock', erpnext: true },
  );
}

/** `get_valuation_rate` with nothing to go on: a plain ValidationError titled "Valuation Rate Missing". */
export function throwValuationMissing(ctx: Ctx, voucher: Doc, itemCode: string): never {
  ctx.log.throw(
    `Valuation Rate for the Item ${desk('Item', itemCode)}, is required to do accounting entries for ${String(voucher.doctype)} ${voucher.name}.` +
      '<br><br>Here are the options to proceed:<ul><li>If the incoming entry is a zero valuation rate item, please enable "Allow Zero Valuation Rate" in the Items table.</li>' +
      '<li>If not, you can Cancel / Submit this entry</li><li>Mention Valuation Rate in the Item master.</li></ul>',
    'ValidationError',
    { title: 'Valuation Rate Missing', erpnext: true },
  );
}

/** `formatdate` / `format_time` with System Settings defaults (dd-mm-yyyy, HH:mm:ss). */
function shown(date: unknown, time: unknown): string {
  const [y = '', m = '', d = ''] = String(date ?? '').split('-');
  return `${d}-${m}-${y} ${String(time ?? '').split('.')[0] ?? ''}`;
}

/** Stock Entry's own check at submit (`set_actual_qty`), before any ledger entry is written. */
export function throwNotAvailable(ctx: Ctx, voucher: Doc, row: Doc, available: number, needed: number): never {
  ctx.log.throw(
    `Row ${String(row.idx)}: Quantity not available for ${frappeBold(String(row.item_code))} in warehouse ${frappeBold(String(row.s_warehouse))} at posting time of the entry (${shown(voucher.posting_date, voucher.posting_time)})` +
      `<br><br>Available quantity is ${frappeBold(pyFloat(available))}, you need ${frappeBold(pyFloat(needed))}`,
    'NegativeStockError',
    { title: 'Insufficient Stock', erpnext: true },
  );
}
