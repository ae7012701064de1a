import { insertDoc } from '../model/document-service';
import { childRows } from '../model/new-doc';
import { findDoc, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { defaultWarehouse } from './selling-details';

function abbr(ctx: Ctx, company: unknown): string {
  const found = findDoc(ctx, 'Company', String(company ?? ''));
  return String(found?.abbr ?? ctx.site.defaults.abbr);
}

/** "{name} - {company abbr}": Warehouse, Account and Cost Center names (notes §7). */
function withAbbr(field: string): Controller {
  return { autoname: (ctx, doc) => `${String(doc[field] ?? '').trim()} - ${abbr(ctx, doc.company)}` };
}

export const warehouseController = withAbbr('warehouse_name');
export const accountController = withAbbr('account_name');
export const costCenterController = withAbbr('cost_center_name');

/**
 * `Item.set_opening_stock` (v15): opening stock is a submitted Material Receipt into the item's
 * default warehouse at its valuation (or standard) rate, so it has ledger entries like any other.
 */
function setOpeningStock(ctx: Ctx, item: Doc, qty: number): void {
  const rate = Number(item.valuation_rate ?? 0) || Number(item.standard_rate ?? 0);
  if (!rate) ctx.log.throw('Valuation Rate is mandatory if Opening Stock entered', 'ValidationError', { erpnext: true });
  insertDoc(ctx, 'Stock Entry', {
    stock_entry_type: 'Material Receipt',
    company: ctx.site.defaults.company,
    items: [{ item_code: item.name, qty, t_warehouse: defaultWarehouse(ctx, item), basic_rate: rate }],
    docstatus: 1,
  });
}

/**
 * Item: names and descriptions default from the code, an Item Default row for the company, an
 * Item Price from `standard_rate` and opening stock (`Item.after_insert`). `add_price` inserts the
 * price without a msgprint (erpnext/stock/doctype/item/item.py, v15): the "Item Price added for …"
 * alert comes from a transaction line (`insert_item_price`, controllers/price-list-rate.ts).
 */
export const itemController: Controller = {
  validate(ctx, doc, phase) {
    if (!doc.item_name) doc.item_name = doc.item_code;
    if (!doc.description) doc.description = doc.item_name;
    if (phase.isNew && childRows(doc, 'item_defaults').length === 0) {
      doc.item_defaults = [
        { name: ctx.site.randomHex(10), idx: 1, parent: doc.name, parentfield: 'item_defaults', parenttype: 'Item', docstatus: 0, company: ctx.site.defaults.company, default_warehouse: ctx.site.defaults.defaultWarehouse, doctype: 'Item Default' },
      ];
    }
  },
  afterSave(ctx, doc: Doc, phase) {
    if (!phase.isNew) return doc;
    const rate = Number(doc.standard_rate ?? 0);
    if (rate > 0) {
      insertDoc(ctx, 'Item Price', { price_list: ctx.site.defaults.sellingPriceList, item_code: doc.name, uom: doc.stock_uom, currency: ctx.site.defaults.currency, price_list_rate: rate });
    }
    const opening = Number(doc.opening_stock ?? 0);
    if (opening > 0 && Number(doc.is_stock_item) === 1 && Number(doc.has_serial_no) !== 1 && Number(doc.has_batch_no) !== 1) setOpeningStock(ctx, doc, opening);
    return doc;
  },
};
