import { cancelStock, postStock } from '../ledger/post-stock';
import type { StockMove } from '../ledger/stock-ledger-entry';
import { childRows } from '../model/new-doc';
import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { adjustBin } from './stock-bins';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Stock item rows with a warehouse: the rows `update_stock_ledger` turns into entries. */
function stockRows(ctx: Ctx, doc: Doc): Array<{ row: Doc; item: Doc; qty: number }> {
  return childRows(doc, 'items').flatMap((row) => {
    const item = row.item_code ? findDoc(ctx, 'Item', String(row.item_code)) : undefined;
    if (!item || num(item.is_stock_item) !== 1 || !row.warehouse) return [];
    return [{ row, item, qty: num(row.stock_qty) || num(row.qty) * (num(row.conversion_factor) || 1) }];
  });
}

/**
 * Delivering against an order releases that order's reservation; cancel restores it
 * (`SellingController.update_reserved_qty` → `SalesOrder.update_reserved_qty`). Only rows naming
 * their order row (`so_detail`) count, and the reservation moves where the order made it: the
 * Sales Order row's item and warehouse (`get_reserved_qty`), whichever warehouse the stock left.
 */
function releaseReservations(ctx: Ctx, doc: Doc, sign: 1 | -1): void {
  for (const { row, qty } of stockRows(ctx, doc)) {
    const orderName = row.against_sales_order ?? row.sales_order;
    if (!orderName || !row.so_detail) continue;
    const order = ctx.site.store.get('Sales Order', String(orderName));
    const line = order ? childRows(order, 'items').find((r) => r.name === row.so_detail) : undefined;
    if (!line?.warehouse || num(line.delivered_by_supplier) === 1) continue;
    adjustBin(ctx, String(line.item_code), String(line.warehouse), { reserved_qty: sign * qty });
  }
}

/**
 * Submitting a Delivery Note (or a stock-updating Sales Invoice): stock leaves each warehouse
 * through the stock ledger, with NegativeStockError and the missing-valuation error (notes §9).
 */
export function postSellingStock(ctx: Ctx, doc: Doc): void {
  const moves: StockMove[] = stockRows(ctx, doc).map(({ row, item, qty }) => ({
    itemCode: item.name,
    warehouse: String(row.warehouse),
    voucherDetailNo: String(row.name),
    // A return (negative qty) brings stock back.
    actualQty: -qty,
    allowZeroValuation: num(row.allow_zero_valuation_rate) === 1,
  }));
  postStock(ctx, doc, moves);
  releaseReservations(ctx, doc, -1);
}

/** Cancelling it: the ledger entries are reversed and the reservations come back. */
export function cancelSellingStock(ctx: Ctx, doc: Doc): void {
  cancelStock(ctx, doc);
  releaseReservations(ctx, doc, 1);
}
