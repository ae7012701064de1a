import { describeFailure, expectedAvailable, stockWarehousesOf, type Failure, type StockFormula, type SyncSettings } from '@shopsync/core';
import { listAllVariants, type ShopifyClient } from '@shopsync/shopify-client';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import { syntheticDelivery } from '../admin-read/inbox-deliveries';
import type { StockPort } from '../store/store';
import { availableAt, binsOf, unbookedAt } from '../stock/stock-reads';
import { recordFindings, type FindingsTarget } from './record-findings';

export interface StockMismatch {
  readonly sku: string;
  readonly locationId: string;
  readonly shopify: number;
  readonly erpnext: number;
}

export interface ReconcileStockResult {
  readonly shop: string;
  /** Items × mapped locations compared. */
  readonly compared: number;
  readonly mismatches: readonly StockMismatch[];
  readonly findingsRecorded: number;
  readonly repairsEnqueued: number;
}

export interface ReconcileStockOptions {
  readonly shop: string;
  readonly shopify: Pick<ShopifyClient, 'graphql' | 'inventory'>;
  readonly erpnext: Pick<ErpnextClient, 'listAll'>;
  readonly store: Pick<StockPort, 'unbookedOrderPayloads'>;
  readonly settings: SyncSettings;
  readonly formula: StockFormula;
  readonly findings: FindingsTarget | null;
}

/**
 * A finding as the event its Retry runs: Shopify's level of this item at this location, as an
 * inventory_levels/update would carry it, so the repair is the level's own (set ERPNext's quantity)
 * and each item is its own failure.
 */
function findingDelivery(shop: string, mismatch: StockMismatch, inventoryItemId: string) {
  const payload = { inventory_item_id: Number(inventoryItemId.slice(inventoryItemId.lastIndexOf('/') + 1)), location_id: Number(mismatch.locationId), available: mismatch.shopify, updated_at: null };
  return syntheticDelivery(shop, 'inventory_levels/update', `reconcile-stock:${mismatch.locationId}:${mismatch.sku}:${mismatch.shopify}:${mismatch.erpnext}`, payload, null);
}

/**
 * Stock, compared per mapped location (DESIGN G7): Shopify's `available` of every variant whose SKU is
 * an Item against the formula over ERPNext's Bins less the units of orders not booked yet. Each
 * difference is recorded as a drift failure whose Retry pushes ERPNext's quantity (with `repair`, it is
 * requeued at once). Nothing is written to ERPNext.
 */
export async function reconcileStock(options: ReconcileStockOptions): Promise<ReconcileStockResult> {
  const { shop, settings } = options;
  const inventoryItems = new Map<string, string>();
  for (const variant of await listAllVariants(options.shopify.graphql)) if (variant.sku !== null && variant.sku !== '') inventoryItems.set(variant.sku, variant.inventoryItem.id);
  const skus = [...inventoryItems.keys()];
  const mismatches: StockMismatch[] = [];
  let compared = 0;
  for (const [locationId, warehouses] of Object.entries(stockWarehousesOf(settings))) {
    const [bins, unbooked, shopifyLevels] = await Promise.all([
      binsOf(options, skus, warehouses),
      unbookedAt(options, shop, locationId, skus),
      availableAt(options, [...inventoryItems.values()], locationId),
    ]);
    for (const sku of skus) {
      const shopifyQty = shopifyLevels.get(inventoryItems.get(sku) ?? '');
      if (shopifyQty === undefined) continue;
      compared += 1;
      const erpnextQty = expectedAvailable(options.formula, bins.get(sku) ?? [], unbooked.get(sku) ?? 0);
      if (erpnextQty !== shopifyQty) mismatches.push({ sku, locationId, shopify: shopifyQty, erpnext: erpnextQty });
    }
  }
  if (options.findings === null || mismatches.length === 0) return { shop, compared, mismatches, findingsRecorded: 0, repairsEnqueued: 0 };
  const findings = mismatches.map((mismatch) => {
    const failure: Failure = {
      code: 'drift.stock_differs',
      category: 'drift',
      retryable: true,
      subject: { kind: 'stock', label: `${mismatch.sku} at location ${mismatch.locationId}` },
      params: { items: mismatch.sku, locationId: mismatch.locationId, shopify: mismatch.shopify, erpnext: mismatch.erpnext, cause: 'found by reconciliation' },
    };
    return { delivery: findingDelivery(shop, mismatch, inventoryItems.get(mismatch.sku) ?? ''), failure: { code: failure.code, category: failure.category, retryable: failure.retryable, message: describeFailure(failure), details: { ...failure.params, subject: failure.subject } } };
  });
  return { shop, compared, mismatches, ...(await recordFindings(options.findings, shop, findings, [])) };
}
