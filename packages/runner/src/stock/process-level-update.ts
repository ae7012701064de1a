import { classifyLevelUpdate, coreFailure, expectedAvailable, stockWarehousesOf, subjectOf } from '@shopsync/core';
import type { ClaimedEvent, EvidenceRecord } from '../store/store';
import { inventoryItemGid, locationGid, type PushDeps, type PushVerdict } from './push-deps';
import { availableAt, binsOf, unbookedAt } from './stock-reads';

export type LevelVerdict = PushVerdict | { readonly recheckAfterMs: number; readonly reason: string };

/** The operator pressed Retry or Requeue on this event after it was parked: set Shopify to ERPNext's quantity. */
function repairRequested(trail: readonly EvidenceRecord[]): boolean {
  return trail.some((row) => (row.kind === 'retry' || row.kind === 'requeue') && (row.data as { previousStatus?: string }).previousStatus === 'failed');
}

/**
 * Whether this is the second look, and how long until it is due. Settling another event of the same
 * level makes this one due at once (the store wakes siblings, for payments waiting on their order);
 * a second look taken early could miss the order that explains the difference, so it waits its time.
 */
function recheck(trail: readonly EvidenceRecord[], nowMs: number): { rechecked: boolean; waitMs: number } {
  const deferred = trail.filter((row) => row.kind === 'deferred').at(-1);
  if (deferred === undefined) return { rechecked: false, waitMs: 0 };
  const dueAt = Date.parse(String((deferred.data as { availableAt?: string }).availableAt ?? ''));
  return { rechecked: true, waitMs: Number.isFinite(dueAt) ? Math.max(0, dueAt - nowMs) : 0 };
}

/**
 * Shopify's `inventory_levels/update`. Inbound stock is never written to ERPNext: a level equal to a
 * push made within the echo window is that push's echo; one equal to what ERPNext's Bins say (less
 * the units of orders not booked yet) is consistent; anything else is drift — looked at once more after
 * `stock.driftRecheckSeconds` with Shopify's level then (an order's webhook may trail its stock change), then
 * parked as a drift failure whose Retry sets Shopify to ERPNext's quantity.
 */
export async function processLevelUpdate(event: ClaimedEvent, payload: Record<string, unknown>, deps: PushDeps): Promise<LevelVerdict> {
  const available = typeof payload.available === 'number' ? payload.available : null;
  if (available === null) return { status: 'skipped', reason: 'the level carries no available quantity (the item is not tracked)' };
  const itemGid = inventoryItemGid(String(payload.inventory_item_id));
  const locationId = String(payload.location_id);
  const since = new Date(deps.now().getTime() - deps.echoWindowMs);
  const recent = await deps.store.recentStockPushes(event.shop, itemGid, locationId, since);
  // The event's own trail says whether an operator asked for the repair and whether this is the second look.
  const trail = await deps.store.evidence(event.claim.inboxId);
  const repair = repairRequested(trail);
  if (!repair && recent.some((push) => push.quantity === available)) {
    const echo = classifyLevelUpdate(available, recent, Number.NaN);
    await deps.store.addEvidence(event.claim.inboxId, 'plan', { kind: 'level_update', locationId, inventoryItemId: itemGid, available, verdict: echo }, deps.now());
    return { status: 'echo', reason: `the echo of shopsync's push of ${available} at ${echo.kind === 'echo' ? echo.pushedAt : ''}` };
  }
  const warehouses = stockWarehousesOf(deps.settings)[locationId];
  if (warehouses === undefined) return { status: 'skipped', reason: `location ${locationId} is mapped to no ERPNext warehouse: its stock is not ERPNext's` };
  const [item] = await deps.shopify.inventory.levels({ inventoryItemIds: [itemGid], names: ['available'] });
  const sku = item?.sku ?? null;
  if (sku === null) return { status: 'skipped', reason: `inventory item ${itemGid} has no SKU, so no ERPNext Item stands for it` };
  const { rechecked, waitMs } = recheck(trail, deps.now().getTime());
  if (rechecked && waitMs > 0 && !repair) return { recheckAfterMs: waitMs, reason: 'the second look at this level is not due yet' };
  // On a second look and on a repair, Shopify's level now is what counts, not the one the webhook carried.
  const shopifyNow = rechecked || repair ? (await availableAt(deps, [itemGid], locationId)).get(itemGid) ?? available : available;
  const [bins, unbooked] = await Promise.all([binsOf(deps, [sku], warehouses), unbookedAt(deps, event.shop, locationId, [sku])]);
  const expected = expectedAvailable(deps.formula, bins.get(sku) ?? [], unbooked.get(sku) ?? 0);
  const verdict = classifyLevelUpdate(shopifyNow, repair ? [] : recent, expected);
  await deps.store.addEvidence(event.claim.inboxId, 'plan', { kind: 'level_update', sku, locationId, inventoryItemId: itemGid, available: shopifyNow, expected, unbooked: unbooked.get(sku) ?? 0, verdict, repair }, deps.now());
  if (verdict.kind === 'echo') return { status: 'echo', reason: `the echo of shopsync's push of ${shopifyNow} at ${verdict.pushedAt}` };
  if (verdict.kind === 'consistent') return { status: 'skipped', reason: `Shopify's ${shopifyNow} of ${sku} at location ${locationId} is what ERPNext's Bins say` };
  if (repair) {
    if (deps.mode === 'shadow') return { status: 'skipped', reason: 'shadow mode (inventory): the repair is recorded, nothing was sent' };
    await deps.store.recordStockPushes(event.shop, [{ inventoryItemId: itemGid, locationId, quantity: expected }], event.claim.inboxId, deps.now());
    const idempotencyKey = `shopsync-repair-${event.claim.inboxId}-${shopifyNow}-${expected}`;
    const quantities = [{ inventoryItemId: itemGid, locationId: locationGid(locationId), quantity: expected, changeFromQuantity: shopifyNow }];
    const groups = await deps.shopify.inventory.setQuantities({ name: 'available', reason: 'correction', referenceDocumentUri: `gid://shopsync/StockRepair/${event.claim.inboxId}`, quantities, idempotencyKey });
    await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'inventory_set', idempotencyKey, quantities, groups: groups.map((group) => group.id) }, deps.now());
    return { status: 'applied', reason: `Shopify set to ERPNext's ${expected} of ${sku} at location ${locationId} (was ${shopifyNow})` };
  }
  if (!rechecked) return { recheckAfterMs: deps.driftRecheckMs, reason: `Shopify holds ${shopifyNow} of ${sku} at location ${locationId}, ERPNext's Bins say ${expected}: looked at again shortly, in case an order explains it` };
  const subject = { ...subjectOf(event.topic, payload), label: `${sku} at location ${locationId}` };
  return { failure: coreFailure('drift.stock_differs', subject, { items: sku, locationId, shopify: shopifyNow, erpnext: expected, cause: 'changed in Shopify, not by shopsync' }) };
}
