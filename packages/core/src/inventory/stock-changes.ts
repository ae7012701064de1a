import type { StockLedgerRow } from './stock-ledger-tail';

/** A voucher that moved an item's stock, as the push's evidence names it (Delivery Note MAT-DN-2026-00001). */
export interface StockVoucher {
  readonly type: string;
  readonly name: string;
  readonly qty: number;
  readonly cancelled: boolean;
}

/**
 * The payload of an internal `stock/changed` event: the items whose stock moved at one Shopify
 * location (or in one warehouse no location is mapped to), with the vouchers that moved them and the
 * ledger entries read. One event per location and read: its items are pushed in one mutation.
 */
export interface StockChangedPayload {
  readonly locationId: string | null;
  /** The unmapped warehouse, when locationId is null. */
  readonly warehouse: string | null;
  readonly items: ReadonlyArray<{ readonly itemCode: string; readonly vouchers: readonly StockVoucher[] }>;
  readonly entries: readonly string[];
}

/** Warehouse → the Shopify location it counts into (many warehouses may count into one location). */
export function locationsByWarehouse(stockWarehouses: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [locationId, warehouses] of Object.entries(stockWarehouses)) for (const warehouse of warehouses) out.set(warehouse, locationId);
  return out;
}

/** Groups fresh ledger entries by location (or unmapped warehouse), then by item, keeping the order read; unsold warehouses are left out. */
export function groupStockChanges(rows: readonly StockLedgerRow[], stockWarehouses: Readonly<Record<string, readonly string[]>>, unsoldWarehouses: readonly string[] = []): StockChangedPayload[] {
  const unsold = new Set(unsoldWarehouses);
  const byWarehouse = locationsByWarehouse(stockWarehouses);
  interface Group {
    locationId: string | null;
    warehouse: string | null;
    items: Map<string, StockVoucher[]>;
    entries: string[];
  }
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (unsold.has(row.warehouse)) continue;
    const locationId = byWarehouse.get(row.warehouse) ?? null;
    const groupKey = locationId === null ? `warehouse:${row.warehouse}` : `location:${locationId}`;
    const group: Group = groups.get(groupKey) ?? { locationId, warehouse: locationId === null ? row.warehouse : null, items: new Map<string, StockVoucher[]>(), entries: [] };
    const vouchers = group.items.get(row.item_code) ?? [];
    vouchers.push({ type: row.voucher_type, name: row.voucher_no, qty: Number(row.actual_qty), cancelled: Number(row.is_cancelled) === 1 });
    group.items.set(row.item_code, vouchers);
    group.entries.push(row.name);
    groups.set(groupKey, group);
  }
  return [...groups.values()].map((group) => ({
    locationId: group.locationId,
    warehouse: group.warehouse,
    items: [...group.items].map(([itemCode, vouchers]) => ({ itemCode, vouchers })),
    entries: group.entries,
  }));
}

/** The Delivery Notes among fresh entries: submitted ones (stock left) and cancelled ones, once each. */
export function deliveryNotesOf(rows: readonly StockLedgerRow[]): { submitted: string[]; cancelled: string[] } {
  const submitted = new Set<string>();
  const cancelled = new Set<string>();
  for (const row of rows) {
    if (row.voucher_type !== 'Delivery Note') continue;
    if (Number(row.is_cancelled) === 1) cancelled.add(row.voucher_no);
    else if (Number(row.actual_qty) < 0) submitted.add(row.voucher_no);
  }
  return { submitted: [...submitted], cancelled: [...cancelled] };
}
