import { collate, findDoc, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';
const same = (a: unknown, b: unknown): boolean => (isBlank(a) ? isBlank(b) : collate(a) === collate(b));

/**
 * `check_duplicates`: another price of the item in the same price list with the same UOM and
 * validity dates (each equal, or both empty) is refused. The party, batch and packing-unit columns
 * the real check also compares are not modelled (always empty here).
 */
function refuseDuplicate(ctx: Ctx, doc: Doc): void {
  for (const other of ctx.site.store.scan('Item Price')) {
    if (other.name === doc.name || collate(other.item_code) !== collate(doc.item_code) || collate(other.price_list) !== collate(doc.price_list)) continue;
    if (!['uom', 'valid_from', 'valid_upto'].every((field) => same(other[field], doc[field]))) continue;
    ctx.log.throw('Item Price appears multiple times based on Price List, Supplier/Customer, Currency, Item, Batch, UOM, Qty, and Dates.', 'ItemPriceDuplicateItem', { erpnext: true });
  }
}

/**
 * ERPNext's `item_price.py` (v15): buying / selling / currency come from the (enabled) Price List,
 * item name and description from the Item, then the duplicate check. The UOM is not set here: the
 * meta fetches it from `item_code.stock_uom` when it is empty (fetch_if_empty, model/validate-links).
 */
function updatePriceListDetails(ctx: Ctx, doc: Doc): void {
  if (isBlank(doc.price_list)) return;
  const priceList = findDoc(ctx, 'Price List', String(doc.price_list));
  if (!priceList || Number(priceList.enabled) !== 1) {
    ctx.log.throw(`The price list <a href="/app/price-list/${String(doc.price_list)}">${String(doc.price_list)}</a> does not exist or is disabled`, 'ValidationError', { erpnext: true });
  }
  doc.buying = priceList.buying ?? 0;
  doc.selling = priceList.selling ?? 0;
  doc.currency = priceList.currency ?? null;
}

export const itemPriceController: Controller = {
  validate(ctx, doc) {
    updatePriceListDetails(ctx, doc);
    const item = isBlank(doc.item_code) ? undefined : findDoc(ctx, 'Item', String(doc.item_code));
    if (item) {
      doc.item_name = item.item_name ?? null;
      doc.item_description = item.description ?? null;
    }
    refuseDuplicate(ctx, doc);
  },
};
