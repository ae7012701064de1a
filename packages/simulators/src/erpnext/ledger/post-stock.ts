import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { currentBalance, replayChain } from './replay-chain';
import { throwNegativeStock, throwValuationMissing } from './stock-errors';
import { newSle, SLE, voucherEntries, type StockMove } from './stock-ledger-entry';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** The Item's own fallbacks: valuation rate, standard rate, a buying Item Price (notes §9). */
export function itemRate(ctx: Ctx, itemCode: string): number {
  const item = findDoc(ctx, 'Item', itemCode);
  if (num(item?.valuation_rate) > 0) return num(item?.valuation_rate);
  if (num(item?.standard_rate) > 0) return num(item?.standard_rate);
  const price = [...ctx.site.store.scan('Item Price')].find((p) => p.item_code === item?.name && num(p.buying) === 1);
  return num(price?.price_list_rate);
}

/** `get_valuation_rate` when a move brings no rate of its own: the last rate in the warehouse first. */
export function fallbackRate(ctx: Ctx, itemCode: string, warehouse: string): number {
  const last = currentBalance(ctx, itemCode, warehouse).rate;
  return last > 0 ? last : itemRate(ctx, itemCode);
}

/** The rate an inward move is valued at, or the "Valuation Rate ... is required" error. */
function incomingRate(ctx: Ctx, voucher: Doc, move: StockMove): number {
  if (num(move.incomingRate) > 0 || move.allowZeroValuation) return num(move.incomingRate);
  const rate = fallbackRate(ctx, move.itemCode, move.warehouse);
  if (rate > 0) return rate;
  throwValuationMissing(ctx, voucher, move.itemCode);
}

/**
 * `make_sl_entries` on submit: one submitted Stock Ledger Entry per move, the chain reposted, the
 * Bin updated. NegativeStockError comes first (Stock Settings allow_negative_stock = 0), then an
 * outward move of stock that has no valuation at all fails like ERPNext's `get_valuation_rate`.
 */
export function postStock(ctx: Ctx, voucher: Doc, moves: readonly StockMove[]): void {
  for (const move of moves) {
    if (move.actualQty === 0 && !move.reconcile) continue;
    const before = currentBalance(ctx, move.itemCode, move.warehouse);
    const rate = move.actualQty > 0 ? incomingRate(ctx, voucher, move) : 0;
    ctx.site.store.put(SLE, newSle(ctx, voucher, { ...move, incomingRate: rate }, 0));
    const { negative } = replayChain(ctx, move.itemCode, move.warehouse);
    if (negative) throwNegativeStock(ctx, negative);
    if (move.actualQty < 0 && !move.allowZeroValuation && before.rate <= 0 && itemRate(ctx, move.itemCode) <= 0) {
      throwValuationMissing(ctx, voucher, move.itemCode);
    }
  }
}

/** `get_incoming_outgoing_rate_for_cancel`: abs(sum(stock_value_difference)) / abs(sum(actual_qty)). */
function cancelRate(entry: Doc): number {
  const qty = Math.abs(num(entry.actual_qty));
  return qty === 0 ? 0 : Math.abs(num(entry.stock_value_difference)) / qty;
}

/**
 * `make_sl_entries` on cancel, as ERPNext v15 does it (stock_ledger.py): `set_as_cancel` flags the
 * voucher's entries `is_cancelled = 1` (and bumps their `modified`), then reversing entries are
 * appended in reverse order with the quantity negated, themselves flagged `is_cancelled = 1`. The
 * reversals are never reposted, so their running fields stay as built (0 unless `reversal` says
 * otherwise, as Stock Reconciliation does). The Bin falls back to the remaining live entries; a
 * later voucher that now lacks stock makes the cancel a NegativeStockError.
 */
export function cancelStock(ctx: Ctx, voucher: Doc, reversal: (original: Doc) => Partial<Doc> = () => ({})): void {
  const originals = voucherEntries(ctx, String(voucher.doctype), voucher.name).filter((e) => e.is_cancelled === 0);
  if (originals.length === 0) return;
  const stamp = ctx.site.clock.stamp();
  for (const entry of originals) ctx.site.store.put(SLE, { ...entry, is_cancelled: 1, modified: stamp, modified_by: ctx.user });
  for (const entry of [...originals].reverse()) {
    const qty = -num(entry.actual_qty);
    const row = newSle(ctx, voucher, { itemCode: String(entry.item_code), warehouse: String(entry.warehouse), voucherDetailNo: String(entry.voucher_detail_no), actualQty: qty }, 1);
    const rates = qty > 0 ? { incoming_rate: cancelRate(entry), outgoing_rate: 0 } : { incoming_rate: 0, outgoing_rate: cancelRate(entry) };
    ctx.site.store.put(SLE, { ...row, posting_date: entry.posting_date, posting_time: entry.posting_time, posting_datetime: entry.posting_datetime, ...rates, ...reversal(entry) });
  }
  const touched = new Map(originals.map((e) => [`${String(e.item_code)}\u0000${String(e.warehouse)}`, e]));
  for (const entry of touched.values()) {
    const { negative } = replayChain(ctx, String(entry.item_code), String(entry.warehouse));
    if (negative) throwNegativeStock(ctx, negative);
  }
}
