import { collate, findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';

export const SLE = 'Stock Ledger Entry';

/** One row of a voucher moving stock, in the stock UOM (`get_sl_entries`). */
export interface StockMove {
  readonly itemCode: string;
  readonly warehouse: string;
  /** The voucher row's name: `voucher_detail_no`. */
  readonly voucherDetailNo: string;
  /** Signed quantity; 0 for a Stock Reconciliation, whose balance is `reconcile`. */
  readonly actualQty: number;
  /** Valuation of an inward move; 0 lets the ledger fall back (or fail) as ERPNext does. */
  readonly incomingRate?: number;
  readonly allowZeroValuation?: boolean;
  /** Stock Reconciliation only: the quantity and rate the warehouse must hold afterwards. */
  readonly reconcile?: { readonly qty: number; readonly valuationRate: number };
}

/** "HH:MM:SS[.ffffff]" with a two-digit hour, so posting datetimes sort as text. */
export function normaliseTime(time: unknown): string {
  const [h = '0', m = '0', s = '0'] = String(time ?? '00:00:00').split(':');
  return `${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.padStart(2, '0')}`;
}

/** `get_combine_datetime(posting_date, posting_time)`, as str() writes a datetime. */
export function postingDatetime(date: unknown, time: unknown): string {
  return `${String(date ?? '')} ${normaliseTime(time).replace(/\.0+$/, '')}`;
}

/** A new SLE as `make_entry` inserts and submits it: docstatus 1, a hash name, `to_rename` 1. */
export function newSle(ctx: Ctx, voucher: Doc, move: StockMove, isCancelled: 0 | 1): Doc {
  const stamp = ctx.site.clock.stamp();
  const item = findDoc(ctx, 'Item', move.itemCode);
  const postingDate = String(voucher.posting_date ?? ctx.site.clock.today());
  return {
    name: ctx.site.randomHex(10),
    owner: ctx.user,
    creation: stamp,
    modified: stamp,
    modified_by: ctx.user,
    docstatus: 1,
    idx: 0,
    item_code: item?.name ?? move.itemCode,
    warehouse: move.warehouse,
    posting_date: postingDate,
    posting_time: voucher.posting_time ?? null,
    posting_datetime: postingDatetime(postingDate, voucher.posting_time),
    voucher_type: voucher.doctype,
    voucher_no: voucher.name,
    voucher_detail_no: move.voucherDetailNo,
    actual_qty: move.actualQty,
    qty_after_transaction: move.reconcile?.qty ?? 0,
    incoming_rate: move.actualQty > 0 ? move.incomingRate ?? 0 : 0,
    outgoing_rate: 0,
    valuation_rate: move.reconcile?.valuationRate ?? 0,
    stock_value: 0,
    stock_value_difference: 0,
    stock_queue: '[]',
    company: voucher.company ?? ctx.site.defaults.company,
    stock_uom: item?.stock_uom ?? null,
    fiscal_year: postingDate.slice(0, 4),
    is_cancelled: isCancelled,
    is_adjustment_entry: 0,
    to_rename: 1,
    doctype: SLE,
  };
}

const sameKey = (a: unknown, b: unknown): boolean => collate(a) === collate(b);

/** Live (not cancelled) entries of one item in one warehouse, in posting order. */
export function liveEntries(ctx: Ctx, itemCode: string, warehouse: string): Doc[] {
  const rows = [...ctx.site.store.scan(SLE)].filter((e) => e.is_cancelled === 0 && sameKey(e.item_code, itemCode) && sameKey(e.warehouse, warehouse));
  return rows
    .sort((a, b) => String(a.posting_datetime).localeCompare(String(b.posting_datetime)) || String(a.creation).localeCompare(String(b.creation)))
    .map((e) => structuredClone(e));
}

/** The entries a voucher wrote, oldest first. */
export function voucherEntries(ctx: Ctx, voucherType: string, voucherNo: string): Doc[] {
  return [...ctx.site.store.scan(SLE)]
    .filter((e) => e.voucher_type === voucherType && e.voucher_no === voucherNo)
    .sort((a, b) => String(a.creation).localeCompare(String(b.creation)))
    .map((e) => structuredClone(e));
}
