import { insertDoc } from '../model/document-service';
import { collate, findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * `get_price_list_rate_for` / `get_item_price` (erpnext/stock/get_item_details.py, v15): the item's
 * price in the price list, for the row's UOM, the stock UOM or no UOM. Party-specific prices and
 * validity dates are not modelled. Undefined when there is none: ERPNext has no other fallback
 * (an Item's standard_rate only ever reaches a transaction through the Item Price it creates).
 */
export function findItemPrice(ctx: Ctx, item: Doc, priceList: string, uom: unknown): Doc | undefined {
  const uoms = new Set(['', collate(uom), collate(item.stock_uom)]);
  for (const price of ctx.site.store.scan('Item Price')) {
    if (collate(price.item_code) === collate(item.name) && collate(price.price_list) === collate(priceList) && uoms.has(collate(price.uom))) return price;
  }
  return undefined;
}

/**
 * `insert_item_price` (get_item_details.py, called when the lookup above found nothing): a line
 * with a rate, for an item without a price in the document's price list, adds one at that rate per
 * stock UOM, with Stock Settings "auto_insert_price_list_rate_if_missing" (on after the setup
 * wizard) and the price list in the document's currency. The alert is a plain `msgprint(..., alert=True)`
 * (no indicator); the response is still a 200. An existing price in another UOM or currency is left
 * alone ("update_existing_price_list_rate" is off by default).
 */
export function insertMissingItemPrice(ctx: Ctx, doc: Doc, row: Doc, item: Doc): void {
  const priceList = String(doc.selling_price_list ?? '');
  const rate = num(row.rate);
  if (priceList === '' || rate === 0 || isInternalCustomer(ctx, doc)) return;
  const list = findDoc(ctx, 'Price List', priceList);
  if (!list || collate(list.currency) !== collate(doc.currency)) return;
  for (const price of ctx.site.store.scan('Item Price')) {
    const sameKey = [['item_code', item.name], ['price_list', priceList], ['currency', doc.currency], ['uom', item.stock_uom]].every(([field, value]) => collate(price[String(field)]) === collate(value));
    if (sameKey) return;
  }
  const conversion = num(row.conversion_factor);
  insertDoc(ctx, 'Item Price', { price_list: priceList, item_code: item.name, currency: doc.currency, price_list_rate: conversion ? rate / conversion : rate, uom: item.stock_uom });
  ctx.log.msgprint(`Item Price added for ${item.name} in Price List ${priceList}`, { alert: true });
}

function isInternalCustomer(ctx: Ctx, doc: Doc): boolean {
  if (isBlank(doc.customer)) return false;
  return Number(findDoc(ctx, 'Customer', String(doc.customer))?.is_internal_customer ?? 0) === 1;
}
