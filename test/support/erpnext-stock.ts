import type { Doc, ErpnextClient } from '@shopsync/erpnext-client';

/**
 * Stock through the REST API only, so the same calls work on the simulator and on a real site:
 * stock moves by inserting submitted Stock Entries and Stock Reconciliations, never a backdoor.
 */
export const SLE_FIELDS = [
  'name', 'item_code', 'warehouse', 'posting_date', 'posting_time', 'posting_datetime', 'voucher_type', 'voucher_no', 'voucher_detail_no',
  'actual_qty', 'qty_after_transaction', 'incoming_rate', 'valuation_rate', 'stock_value', 'stock_value_difference', 'is_cancelled', 'docstatus', 'creation', 'modified',
] as const;

export interface BinQty {
  readonly actual_qty: number;
  readonly reserved_qty: number;
  readonly ordered_qty: number;
  readonly projected_qty: number;
}

/** The Bin of an item in a warehouse; all zeros when ERPNext has not made one yet. */
export async function binOf(client: ErpnextClient, itemCode: string, warehouse: string): Promise<BinQty> {
  const fields = ['actual_qty', 'reserved_qty', 'ordered_qty', 'projected_qty'];
  const [bin] = await client.listDocs<Doc & BinQty>('Bin', { fields, filters: { item_code: itemCode, warehouse }, limitPageLength: 1 });
  return bin ? { actual_qty: bin.actual_qty, reserved_qty: bin.reserved_qty, ordered_qty: bin.ordered_qty, projected_qty: bin.projected_qty } : { actual_qty: 0, reserved_qty: 0, ordered_qty: 0, projected_qty: 0 };
}

/** Every ledger entry a voucher wrote (cancelled ones too), oldest first. */
export function ledgerOf(client: ErpnextClient, voucherNo: string): Promise<Doc[]> {
  return client.listDocs('Stock Ledger Entry', { fields: SLE_FIELDS, filters: [['voucher_no', '=', voucherNo]], orderBy: 'creation asc, name asc', limitPageLength: 0 });
}

export interface StockSite {
  readonly company: string;
  readonly warehouse: string;
}

/** A submitted Material Receipt of `qty` at `rate` into the site's warehouse. */
export function receiveStock(client: ErpnextClient, site: StockSite, itemCode: string, qty: number, rate = 10, extra: Doc = {}): Promise<Doc> {
  return client.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: site.company, items: [{ item_code: itemCode, qty, t_warehouse: site.warehouse, basic_rate: rate }], docstatus: 1, ...extra });
}

/** A submitted Stock Reconciliation setting the item's quantity in the site's warehouse. */
export function setStock(client: ErpnextClient, site: StockSite, itemCode: string, qty: number, extra: Doc = {}): Promise<Doc> {
  return client.insertDoc('Stock Reconciliation', { company: site.company, purpose: 'Stock Reconciliation', items: [{ item_code: itemCode, warehouse: site.warehouse, qty }], docstatus: 1, ...extra });
}

/** Sum of `actual_qty` over entries: what a ledger tail adds up (0 for a cancelled voucher). */
export const netQty = (entries: readonly Doc[]): number => entries.reduce((sum, e) => sum + Number(e.actual_qty), 0);
