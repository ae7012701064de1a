import type { FulfillmentRequest, TrackingRecord } from '../../fulfillment/fulfillment-types';
import { fireEvents, fulfillmentEvents } from '../../shop-events';
import type { SimContext } from '../sim-context';
import { fulfillmentView } from '../views/fulfillment-views';
import { orderView } from '../views/order-view';
import type { View } from '../views/resolve-fields';
import { gidNumber } from '../views/wire-format';

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null; numbers?: string[] | null; urls?: string[] | null } | null;
  notifyCustomer?: boolean | null;
}

/** Several numbers give one tracking entry each (urls matched by position), as Shopify lists them. */
function trackingOf(input: FulfillmentInput['trackingInfo']): TrackingRecord[] {
  if (!input) return [];
  const company = input.company ?? null;
  if (input.numbers && input.numbers.length > 0) return input.numbers.map((number, i) => ({ company, number, url: input.urls?.[i] ?? null }));
  if (input.number == null && input.url == null && company === null) return [];
  return [{ company, number: input.number ?? null, url: input.url ?? input.urls?.[0] ?? null }];
}

/** fulfillmentCreate (notes §5): validated by the shop, then fulfillments/create and order webhooks. */
export async function fulfillmentCreate(args: { fulfillment: FulfillmentInput }, ctx: SimContext): Promise<View> {
  await ctx.state.writeGate?.('fulfillmentCreate');
  const request: FulfillmentRequest = {
    lineItemsByFulfillmentOrder: args.fulfillment.lineItemsByFulfillmentOrder.map((g) => ({
      fulfillmentOrderId: gidNumber(g.fulfillmentOrderId, 'FulfillmentOrder') ?? null,
      lines: g.fulfillmentOrderLineItems?.map((l) => ({ id: gidNumber(l.id, 'FulfillmentOrderLineItem') ?? null, quantity: l.quantity })) ?? null,
    })),
    tracking: trackingOf(args.fulfillment.trackingInfo),
    notifyCustomer: args.fulfillment.notifyCustomer ?? false,
  };
  const result = ctx.shop.fulfillment.create(request, (id) => ctx.shop.orders.get(id));
  if (!result.ok) return { fulfillment: null, userErrors: result.userErrors };
  fireEvents(ctx.webhooks, fulfillmentEvents(ctx.shop, result.fulfillment));
  return { fulfillment: fulfillmentView(result.fulfillment, ctx.shop.orders.get(result.fulfillment.orderId), ctx, orderView), userErrors: [] };
}
