import { BIN_QUANTITY_FIELDS, parseOrder, unbookedUnits, type BinQuantities, type ShopifyOrder, type SyncSettings } from '@shopsync/core';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import { quantityAt, type ShopifyClient } from '@shopsync/shopify-client';
import type { StockPort } from '../store/store';
import type { LinkCache } from './link-cache';
import { locationGid } from './push-deps';

const ITEMS_PER_BIN_READ = 200;

/** Each item's Bins in the given warehouses, a list request per 200 items. */
export async function binsOf(deps: { readonly erpnext: Pick<ErpnextClient, 'listAll'> }, itemCodes: readonly string[], warehouses: readonly string[]): Promise<Map<string, BinQuantities[]>> {
  const out = new Map<string, BinQuantities[]>();
  if (itemCodes.length === 0 || warehouses.length === 0) return out;
  const rows: Array<Record<string, unknown>> = [];
  // A few hundred names per request keep the query string within what a proxy in front of ERPNext accepts.
  for (let start = 0; start < itemCodes.length; start += ITEMS_PER_BIN_READ) {
    const batch = itemCodes.slice(start, start + ITEMS_PER_BIN_READ);
    rows.push(
      ...(await deps.erpnext.listAll<Record<string, unknown>>('Bin', {
        fields: ['item_code', 'warehouse', ...BIN_QUANTITY_FIELDS],
        filters: [
          ['item_code', 'in', [...batch]],
          ['warehouse', 'in', [...warehouses]],
        ],
        orderBy: 'item_code asc, warehouse asc',
      })),
    );
  }
  for (const row of rows) {
    const bins = out.get(String(row.item_code)) ?? [];
    bins.push(Object.fromEntries(BIN_QUANTITY_FIELDS.map((field) => [field, Number(row[field] ?? 0)])));
    out.set(String(row.item_code), bins);
  }
  return out;
}

/** Item Code → inventory item GID of the one variant with that SKU (several: none chosen, reported unlinked). */
export async function inventoryItemsOf(
  deps: { readonly shopify: Pick<ShopifyClient, 'variants'>; readonly links?: LinkCache; readonly now?: () => Date },
  itemCodes: readonly string[],
  shop = '',
): Promise<{ linked: Map<string, string>; ambiguous: string[] }> {
  const nowMs = deps.now?.().getTime() ?? 0;
  const linked = new Map<string, string>();
  for (const code of itemCodes) {
    const known = deps.links?.get(shop, code, nowMs);
    if (known !== undefined) linked.set(code, known);
  }
  const ambiguous: string[] = [];
  const asked = itemCodes.filter((code) => !linked.has(code));
  if (asked.length === 0) return { linked, ambiguous };
  for (const [sku, found] of await deps.shopify.variants.bySku(asked)) {
    if (found.length === 1) {
      linked.set(sku, found[0]!.inventoryItem.id);
      deps.links?.set(shop, sku, found[0]!.inventoryItem.id, nowMs);
    } else if (found.length > 1) ambiguous.push(sku);
  }
  return { linked, ambiguous };
}

/** Shopify's `available` per inventory item GID at one location (absent: not stocked there). */
export async function availableAt(deps: { readonly shopify: Pick<ShopifyClient, 'inventory'> }, inventoryItemIds: readonly string[], locationId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (inventoryItemIds.length === 0) return out;
  for (const item of await deps.shopify.inventory.levels({ inventoryItemIds, names: ['available'] })) {
    const quantity = quantityAt(item, locationGid(locationId), 'available');
    if (quantity !== undefined) out.set(item.id, quantity);
  }
  return out;
}

/** Units per item of the shop's orders ERPNext has not booked, at one location (the oversell guard). */
export async function unbookedAt(deps: { readonly store: Pick<StockPort, 'unbookedOrderPayloads'>; readonly settings: SyncSettings }, shop: string, locationId: string, skus: readonly string[]): Promise<Map<string, number>> {
  const orders: ShopifyOrder[] = [];
  for (const text of await deps.store.unbookedOrderPayloads(shop, skus)) {
    try {
      const parsed = parseOrder(JSON.parse(text));
      if (parsed.ok) orders.push(parsed.value);
    } catch {
      // An unreadable payload is that order's own failure; it holds no units here.
    }
  }
  return unbookedUnits(orders, deps.settings.locationWarehouses, deps.settings.defaultWarehouse, deps.settings.extraStockWarehouses).get(locationId) ?? new Map();
}
