import { childRows } from '../model/new-doc';
import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { findItemPrice, insertMissingItemPrice } from './price-list-rate';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const isUnset = (value: unknown): boolean => value === null || value === undefined;
/** `flt(x, 2)`: currency precision of the seeded company. */
export const round2 = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;
/** `flt(x, precision)` at the site's Currency precision (SiteDefaults.currencyPrecision): 3 decimals keep fils. */
const roundMoney = (ctx: Ctx) => (value: number): number => {
  const unit = 10 ** ctx.site.defaults.currencyPrecision;
  return Math.round((value + Number.EPSILON) * unit) / unit;
};

/**
 * `set_missing_values` for the party: ERPNext loads the Customer with `get_doc`, so a missing one
 * is a 404 DoesNotExistError "Customer X not found" (observed on v15), before link validation.
 */
export function fillPartyDetails(ctx: Ctx, doc: Doc): void {
  const d = ctx.site.defaults;
  if (doc.customer !== null && doc.customer !== undefined && doc.customer !== '') {
    const customer = findDoc(ctx, 'Customer', String(doc.customer));
    if (!customer) ctx.log.throw(`Customer ${String(doc.customer)} not found`, 'DoesNotExistError');
    doc.customer_name = customer.customer_name;
    if (isUnset(doc.customer_group) || doc.customer_group === '') doc.customer_group = customer.customer_group ?? null;
    if (isUnset(doc.territory) || doc.territory === '') doc.territory = customer.territory ?? null;
  }
  if (isUnset(doc.currency) || doc.currency === '') doc.currency = d.currency;
  if (!num(doc.conversion_rate)) doc.conversion_rate = 1;
  if (isUnset(doc.selling_price_list) || doc.selling_price_list === '') doc.selling_price_list = d.sellingPriceList;
  if (isUnset(doc.price_list_currency) || doc.price_list_currency === '') doc.price_list_currency = d.currency;
  if (!num(doc.plc_conversion_rate)) doc.plc_conversion_rate = 1;
}

/** The Item's default warehouse for the company, else the Stock Settings default. */
export function defaultWarehouse(ctx: Ctx, item: Doc): string {
  const row = childRows(item, 'item_defaults').find((r) => r.company === ctx.site.defaults.company);
  return String(row?.default_warehouse || ctx.site.defaults.defaultWarehouse);
}

/**
 * `set_missing_item_details` → `get_item_details`, which loads each row's Item with
 * `frappe.get_cached_doc`: an unknown item is a 404 DoesNotExistError "Item X not found" (observed
 * on v15, like the missing customer), before link validation. Then names, UOMs, conversion factor,
 * the price-list rate (adding a missing Item Price from the row's rate, price-list-rate.ts), the
 * rate when omitted, and the default warehouse when the `warehouse` key was omitted — an explicit
 * "" stays "" (observed on v15).
 */
export function fillItemDetails(ctx: Ctx, doc: Doc, options: { warehouse: boolean }): void {
  for (const row of childRows(doc, 'items')) {
    if (!row.item_code) continue;
    const item = findDoc(ctx, 'Item', String(row.item_code));
    if (!item) ctx.log.throw(`Item ${String(row.item_code)} not found`, 'DoesNotExistError');
    if (!row.item_name) row.item_name = item.item_name ?? item.name;
    if (!row.description) row.description = item.description ?? row.item_name;
    row.stock_uom = item.stock_uom;
    if (!row.uom) row.uom = item.stock_uom;
    if (!num(row.conversion_factor)) row.conversion_factor = 1;
    if (options.warehouse && num(item.is_stock_item) === 1 && isUnset(row.warehouse)) row.warehouse = doc.set_warehouse || defaultWarehouse(ctx, item);
    const price = findItemPrice(ctx, item, String(doc.selling_price_list ?? ''), row.uom);
    if (!price) insertMissingItemPrice(ctx, doc, row, item);
    if (isUnset(row.price_list_rate)) row.price_list_rate = num(price?.price_list_rate);
    if (isUnset(row.rate)) row.rate = round2(num(row.price_list_rate) * (1 - num(row.discount_percentage) / 100));
  }
}

/** `calculate_taxes_and_totals`, for the tax types a shop uses (Actual and On Net Total). */
export function computeTotals(ctx: Ctx, doc: Doc): void {
  const round = roundMoney(ctx);
  let totalQty = 0;
  let netTotal = 0;
  for (const row of childRows(doc, 'items')) {
    row.stock_qty = num(row.qty) * (num(row.conversion_factor) || 1);
    row.amount = round(num(row.qty) * num(row.rate));
    row.net_rate = num(row.rate);
    row.net_amount = row.amount;
    totalQty += num(row.qty);
    netTotal += num(row.amount);
  }
  let running = round(netTotal);
  childRows(doc, 'taxes').forEach((tax, index) => {
    if (tax.charge_type === 'Actual' && num(tax.included_in_print_rate) === 1) {
      ctx.log.throw(`Charge of type 'Actual' in row ${index + 1} cannot be included in Item Rate or Paid Amount`, 'ValidationError', { erpnext: true });
    }
    if (tax.charge_type === 'On Net Total') tax.tax_amount = round((netTotal * num(tax.rate)) / 100);
    if (tax.charge_type === 'Actual') tax.rate = 0;
    running = round(running + num(tax.tax_amount));
    tax.total = running;
  });
  doc.total_qty = totalQty;
  doc.total = round(netTotal);
  doc.net_total = round(netTotal);
  doc.total_taxes_and_charges = round(running - netTotal);
  doc.grand_total = round(running - num(doc.discount_amount));
  setRoundedTotal(ctx, doc);
  doc.base_grand_total = round(num(doc.grand_total) * (num(doc.conversion_rate) || 1));
}

/** Delivery warehouse check shared by Sales Order (WarehouseRequired) and stock documents. */
export function requireWarehouses(ctx: Ctx, doc: Doc, message: (itemCode: string) => string, excType: 'WarehouseRequired' | 'ValidationError'): void {
  for (const row of childRows(doc, 'items')) {
    const item = row.item_code ? findDoc(ctx, 'Item', String(row.item_code)) : undefined;
    if (!item || num(item.is_stock_item) !== 1 || row.warehouse || num(row.delivered_by_supplier) === 1) continue;
    ctx.log.throw(message(String(row.item_code)), excType, { erpnext: true });
  }
}

/**
 * ERPNext's set_rounded_total: nothing when the document disables it, else the grand total rounded to
 * the currency's smallest fraction (round_based_on_smallest_currency_fraction), or to a whole unit
 * when the currency has none.
 */
function setRoundedTotal(ctx: Ctx, doc: Doc): void {
  const round = roundMoney(ctx);
  if (num(doc.disable_rounded_total) === 1) {
    doc.rounded_total = 0;
    doc.rounding_adjustment = 0;
    return;
  }
  const currency = doc.currency ? findDoc(ctx, 'Currency', String(doc.currency)) : undefined;
  const fraction = num(currency?.smallest_currency_fraction_value) || 1;
  doc.rounded_total = round(Math.round(num(doc.grand_total) / fraction) * fraction);
  doc.rounding_adjustment = round(num(doc.rounded_total) - num(doc.grand_total));
}
