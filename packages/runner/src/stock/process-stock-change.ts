import { createHash } from 'node:crypto';
import { coreFailure, isSyncError, planStockPush, stockWarehousesOf, subjectOf, type StockChangedPayload, type StockPushPlan } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { locationGid, type PushDeps, type PushVerdict } from './push-deps';
import { availableAt, binsOf, inventoryItemsOf, unbookedAt } from './stock-reads';

const STALE = 'shopify.user_error.change_from_quantity_stale';

/** The idempotency key of one push: the event and exactly what it sets, so a replay after a lost response is Shopify's duplicate. */
function pushKey(event: ClaimedEvent, plan: StockPushPlan): string {
  const what = plan.pushes.map((push) => `${push.inventoryItemId}=${push.changeFromQuantity}>${push.quantity}`).join(',');
  return `shopsync-stock-${createHash('sha256').update(`${event.shop}\n${event.webhookId}\n${what}`).digest('hex').slice(0, 40)}`;
}

function referenceUri(payload: StockChangedPayload): string {
  const first = payload.items[0]?.vouchers[0];
  return first === undefined ? 'gid://shopsync/StockLedger/read' : `gid://shopsync/${first.type.replace(/\s+/g, '')}/${encodeURIComponent(first.name)}`;
}

async function planFor(event: ClaimedEvent, payload: StockChangedPayload, locationId: string, deps: PushDeps): Promise<StockPushPlan & { ambiguous: string[] }> {
  const itemCodes = payload.items.map((item) => item.itemCode);
  const warehouses = stockWarehousesOf(deps.settings)[locationId] ?? [];
  const [links, bins, unbooked] = await Promise.all([inventoryItemsOf(deps, itemCodes, event.shop), binsOf(deps, itemCodes, warehouses), unbookedAt(deps, event.shop, locationId, itemCodes)]);
  const shopifyAvailable = await availableAt(deps, [...links.linked.values()], locationId);
  const plan = planStockPush({ itemCodes, formula: deps.formula, binsByItem: bins, unbookedByItem: unbooked, inventoryItemByItem: links.linked, shopifyAvailable });
  return { ...plan, ambiguous: links.ambiguous };
}

/**
 * A `stock/changed` event: the items' quantities at one location, from ERPNext's Bins now (less the
 * units of orders not booked yet), set in Shopify in one inventorySetQuantities with compare-and-set
 * on what Shopify was read to hold. The echo ledger is written before the mutation is sent. A stale
 * compare means someone changed Shopify in between: read again and try once more; still stale is drift.
 */
export async function processStockChange(event: ClaimedEvent, payload: StockChangedPayload, deps: PushDeps): Promise<PushVerdict> {
  const subject = subjectOf(event.topic, payload);
  const items = payload.items.map((item) => item.itemCode).join(', ');
  if (payload.locationId === null) {
    return { failure: coreFailure('mapping.warehouse_unmapped', subject, { warehouse: payload.warehouse ?? 'unknown', items }) };
  }
  const locationId = payload.locationId;
  const vouchers = payload.items.flatMap((item) => item.vouchers.map((voucher) => `${voucher.type} ${voucher.name}${voucher.cancelled ? ' (cancelled)' : ''}`));
  let plan = await planFor(event, payload, locationId, deps);
  await deps.store.addEvidence(event.claim.inboxId, 'plan', { kind: 'stock_push', locationId, vouchers: [...new Set(vouchers)], ...plan }, deps.now());
  if (deps.mode === 'shadow') return { status: 'skipped', reason: 'shadow mode (inventory): the push is recorded, nothing was sent' };
  for (let attempt = 1; plan.pushes.length > 0; attempt += 1) {
    const idempotencyKey = pushKey(event, plan);
    const quantities = plan.pushes.map((push) => ({ inventoryItemId: push.inventoryItemId, locationId: locationGid(locationId), quantity: push.quantity, changeFromQuantity: push.changeFromQuantity }));
    await deps.store.recordStockPushes(event.shop, plan.pushes.map((push) => ({ inventoryItemId: push.inventoryItemId, locationId, quantity: push.quantity })), event.claim.inboxId, deps.now());
    try {
      const groups = await deps.shopify.inventory.setQuantities({ name: 'available', reason: 'correction', referenceDocumentUri: referenceUri(payload), quantities, idempotencyKey });
      await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'inventory_set', idempotencyKey, quantities, groups: groups.map((group) => group.id) }, deps.now());
      break;
    } catch (error) {
      if (!isSyncError(error) || error.code !== STALE) throw error;
      await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'inventory_set_stale', idempotencyKey, quantities, attempt }, deps.now());
      const fresh = await planFor(event, payload, locationId, deps);
      if (attempt >= 2) {
        const first = fresh.pushes[0] ?? plan.pushes[0]!;
        return {
          failure: coreFailure('drift.stock_differs', subject, {
            items: first.itemCode,
            locationId,
            shopify: first.changeFromQuantity,
            erpnext: first.quantity,
            cause: 'Shopify changed again while shopsync was setting it',
          }),
        };
      }
      plan = fresh;
    }
  }
  const problems = [...plan.unlinked, ...plan.ambiguous];
  if (problems.length > 0) {
    return { failure: coreFailure('mapping.stock_item_unlinked', subject, { items: problems.join(', '), locationId }) };
  }
  if (plan.notStocked.length > 0) {
    return { failure: coreFailure('mapping.stock_item_not_stocked', subject, { items: plan.notStocked.join(', '), locationId }) };
  }
  return plan.pushes.length > 0
    ? { status: 'applied', reason: null }
    : { status: 'skipped', reason: `Shopify already holds ERPNext's quantities of ${items} at location ${locationId}` };
}
