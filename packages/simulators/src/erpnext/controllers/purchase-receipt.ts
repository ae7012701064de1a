import { cancelStock, postStock } from '../ledger/post-stock';
import type { StockMove } from '../ledger/stock-ledger-entry';
import { childRows } from '../model/new-doc';
import { collate, DOC_ACTIONS, findDoc, type Controller, type Ctx, type SavePhase } from '../site/site';
import type { Doc } from '../types';
import { defaultWarehouse, round2 } from './selling-details';
import { companyStockDefaults, fillStockRow, setPostingNow } from './stock-voucher-defaults';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const unset = (value: unknown): boolean => value === null || value === undefined;
const editing = (phase: SavePhase): boolean => phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit;

function buyingRate(ctx: Ctx, itemCode: string, priceList: unknown): number {
  for (const price of ctx.site.store.scan('Item Price')) {
    if (collate(price.item_code) === collate(itemCode) && collate(price.price_list) === collate(priceList) && num(price.buying) === 1) return num(price.price_list_rate);
  }
  return 0;
}

/** `set_missing_values` for a receipt: supplier (404 when missing, like Customer), currency, rows, totals. */
function prepareReceipt(ctx: Ctx, doc: Doc): void {
  if (doc.supplier) {
    const supplier = findDoc(ctx, 'Supplier', String(doc.supplier));
    if (!supplier) ctx.log.throw(`Supplier ${String(doc.supplier)} not found`, 'DoesNotExistError');
    doc.supplier_name = supplier.supplier_name;
  }
  if (!doc.currency) doc.currency = ctx.site.defaults.currency;
  if (!num(doc.conversion_rate)) doc.conversion_rate = 1;
  if (!doc.buying_price_list) doc.buying_price_list = 'Standard Buying';
  const { costCenter } = companyStockDefaults(ctx, doc.company);
  let total = 0;
  let totalQty = 0;
  for (const row of childRows(doc, 'items')) {
    const item = fillStockRow(ctx, row);
    if (!item) continue;
    if (unset(row.qty)) row.qty = num(row.received_qty) - num(row.rejected_qty);
    if (unset(row.received_qty)) row.received_qty = num(row.qty) + num(row.rejected_qty);
    row.stock_qty = num(row.qty) * (num(row.conversion_factor) || 1);
    // The key omitted takes the default warehouse; an explicit "" stays "" (as on selling documents).
    if (num(item.is_stock_item) === 1 && unset(row.warehouse)) row.warehouse = doc.set_warehouse || defaultWarehouse(ctx, item);
    if (unset(row.price_list_rate)) row.price_list_rate = buyingRate(ctx, item.name, doc.buying_price_list);
    if (unset(row.rate)) row.rate = row.price_list_rate;
    row.amount = round2(num(row.qty) * num(row.rate));
    row.valuation_rate = (num(row.rate) * (num(doc.conversion_rate) || 1)) / (num(row.conversion_factor) || 1);
    if (!row.cost_center) row.cost_center = costCenter;
    total += num(row.amount);
    totalQty += num(row.qty);
  }
  doc.total_qty = totalQty;
  doc.total = round2(total);
  doc.net_total = round2(total);
  doc.grand_total = round2(total);
  doc.rounded_total = Math.round(total);
}

/** `validate_stock_item_warehouse` (erpnext/buying/utils.py): a stock row with a quantity needs a warehouse. */
function requireWarehouses(ctx: Ctx, doc: Doc): void {
  for (const row of childRows(doc, 'items')) {
    const item = findDoc(ctx, 'Item', String(row.item_code ?? ''));
    if (item && num(item.is_stock_item) === 1 && num(row.qty) && !row.warehouse) {
      ctx.log.throw(`Row #${String(row.idx)}: Warehouse is mandatory for stock Item ${item.name}`, 'ValidationError', { erpnext: true });
    }
  }
}

function moves(ctx: Ctx, doc: Doc): StockMove[] {
  return childRows(doc, 'items').flatMap((row) => {
    const item = findDoc(ctx, 'Item', String(row.item_code ?? ''));
    if (!item || num(item.is_stock_item) !== 1 || !row.warehouse || !num(row.stock_qty)) return [];
    return [{ itemCode: item.name, warehouse: String(row.warehouse), voucherDetailNo: String(row.name), actualQty: num(row.stock_qty), incomingRate: num(row.valuation_rate), allowZeroValuation: num(row.allow_zero_valuation_rate) === 1 }];
  });
}

/** ERPNext's `purchase_receipt.py` without Purchase Orders, returns or landed costs: stock in. */
export const purchaseReceiptController: Controller = {
  prepare(ctx, doc, phase) {
    if (!editing(phase)) return;
    setPostingNow(ctx, doc);
    prepareReceipt(ctx, doc);
  },
  validate(ctx, doc, phase) {
    if (!editing(phase)) return;
    requireWarehouses(ctx, doc);
    doc.status = 'Draft';
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) {
      postStock(ctx, doc, moves(ctx, doc));
      doc.status = 'To Bill';
    } else if (phase.action === DOC_ACTIONS.cancel) {
      cancelStock(ctx, doc);
      doc.status = 'Cancelled';
    } else return doc;
    ctx.site.store.put('Purchase Receipt', doc);
    return doc;
  },
};
