import type { FulfillmentOrder } from './types';

export interface LineToFulfil {
  /** The order's LineItem GID (what the engine knows from the order). */
  readonly lineItemId: string;
  readonly quantity: number;
}

export interface FulfillmentGroup {
  readonly locationId: string | null;
  readonly lineItemsByFulfillmentOrder: readonly {
    readonly fulfillmentOrderId: string;
    readonly fulfillmentOrderLineItems: readonly { readonly id: string; readonly quantity: number }[];
  }[];
}

export interface FulfillmentPlan {
  /** One fulfillmentCreate per group: Shopify wants every FO of one call at one location (notes §5). */
  readonly groups: readonly FulfillmentGroup[];
  /** Requests that could not be fulfilled in full: more than remains, or no open fulfillment order. */
  readonly shortfalls: readonly { readonly lineItemId: string; readonly requested: number; readonly planned: number }[];
}

const OPEN_STATUSES = new Set(['OPEN', 'IN_PROGRESS']);

function fulfillable(fo: FulfillmentOrder): boolean {
  return OPEN_STATUSES.has(fo.status) && fo.supportedActions.some((a) => a.action === 'CREATE_FULFILLMENT');
}

/**
 * Maps ERP shipment rows onto fulfillment-order line items, capping each at its remaining quantity
 * (notes §5 step 3), so a repeated or oversized shipment never asks Shopify to over-fulfil. Pure:
 * the same fulfillment orders and rows always give the same plan.
 */
export function planFulfillment(fulfillmentOrders: readonly FulfillmentOrder[], lines: readonly LineToFulfil[]): FulfillmentPlan {
  const remaining = new Map<string, number>();
  const perFo = new Map<string, Map<string, number>>();
  const shortfalls: { lineItemId: string; requested: number; planned: number }[] = [];
  const open = fulfillmentOrders.filter(fulfillable);
  for (const line of lines) {
    let need = Math.max(0, Math.floor(line.quantity));
    for (const fo of open) {
      for (const item of fo.lineItems.nodes) {
        if (need === 0 || item.lineItem.id !== line.lineItemId) continue;
        const left = remaining.get(item.id) ?? item.remainingQuantity;
        const take = Math.min(left, need);
        if (take <= 0) continue;
        remaining.set(item.id, left - take);
        const items = perFo.get(fo.id) ?? new Map<string, number>();
        items.set(item.id, (items.get(item.id) ?? 0) + take);
        perFo.set(fo.id, items);
        need -= take;
      }
    }
    const planned = Math.max(0, Math.floor(line.quantity)) - need;
    if (need > 0) shortfalls.push({ lineItemId: line.lineItemId, requested: line.quantity, planned });
  }
  const byLocation = new Map<string | null, FulfillmentGroup['lineItemsByFulfillmentOrder'][number][]>();
  for (const fo of open) {
    const items = perFo.get(fo.id);
    if (!items) continue;
    const locationId = fo.assignedLocation.location?.id ?? null;
    const list = byLocation.get(locationId) ?? [];
    list.push({ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [...items].map(([id, quantity]) => ({ id, quantity })) });
    byLocation.set(locationId, list);
  }
  return { groups: [...byLocation].map(([locationId, lineItemsByFulfillmentOrder]) => ({ locationId, lineItemsByFulfillmentOrder })), shortfalls };
}
