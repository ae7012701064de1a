import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { FULFILLMENT_CREATE } from './documents/fulfillment-create';
import { planFulfillment, type FulfillmentPlan, type LineToFulfil } from './fulfillment-plan';
import { getFulfillmentOrders } from './orders';
import { mutate } from './payload';

export interface TrackingInfo {
  readonly company?: string;
  readonly number?: string;
  readonly url?: string;
  readonly numbers?: readonly string[];
  readonly urls?: readonly string[];
}

export interface CreateFulfillmentsInput {
  readonly orderId: string;
  readonly lines: readonly LineToFulfil[];
  readonly tracking?: TrackingInfo;
  readonly notifyCustomer?: boolean;
  readonly message?: string;
}

export interface CreatedFulfillment {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly displayStatus: string | null;
  readonly createdAt: string;
  readonly trackingInfo: readonly { readonly company: string | null; readonly number: string | null; readonly url: string | null }[];
  readonly fulfillmentLineItems: { readonly nodes: readonly { readonly id: string; readonly quantity: number | null; readonly lineItem: { readonly id: string; readonly sku: string | null } }[] };
}

export interface CreateFulfillmentsResult {
  readonly fulfillments: readonly CreatedFulfillment[];
  readonly shortfalls: FulfillmentPlan['shortfalls'];
}

/**
 * Fulfils order lines with tracking: reads the order's fulfillment orders, caps every line at its
 * remaining quantity, and sends one fulfillmentCreate per location. fulfillmentCreate has no
 * idempotency (notes §5), so it is never resent after a lost response; the engine records the ERP
 * document and, before trying again, re-reads: a line already fulfilled has nothing remaining.
 */
export async function createFulfillments(client: ShopifyGraphqlClient, input: CreateFulfillmentsInput): Promise<CreateFulfillmentsResult> {
  const plan = planFulfillment(await getFulfillmentOrders(client, input.orderId), input.lines);
  const fulfillments: CreatedFulfillment[] = [];
  for (const group of plan.groups) {
    const fulfillment = {
      lineItemsByFulfillmentOrder: group.lineItemsByFulfillmentOrder,
      notifyCustomer: input.notifyCustomer ?? false,
      ...(input.tracking ? { trackingInfo: input.tracking } : {}),
    };
    const details = { orderId: input.orderId, locationId: group.locationId, created: fulfillments.map((f) => f.id) };
    const payload = await mutate<{ fulfillment: CreatedFulfillment | null; userErrors: [] }>(client, FULFILLMENT_CREATE, 'fulfillmentCreate', { fulfillment, message: input.message ?? null }, details);
    if (payload.fulfillment) fulfillments.push(payload.fulfillment);
  }
  return { fulfillments, shortfalls: plan.shortfalls };
}
