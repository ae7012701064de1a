import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { ORDER_BY_ID } from './documents/order-by-id';
import { ORDER_FULFILLMENT_ORDERS } from './documents/order-fulfillment-orders';
import { ORDER_LINE_ITEMS_PAGE } from './documents/order-line-items-page';
import { ORDER_REFUNDS } from './documents/order-refunds';
import { ORDERS_UPDATED_SINCE } from './documents/orders-updated-since';
import { searchValue } from './payload';
import type { FulfillmentOrder, OrderLineItem, OrderRefund, OrderSummary, Page, ShopifyOrder, ShopifyOrderDetail } from './types';

export { ORDER_REFUNDS_READ } from './documents/order-refunds';

/** An order with all its line items, its refunds and fulfillment orders, or null when Shopify has no such order. */
export async function getOrder(client: ShopifyGraphqlClient, id: string): Promise<ShopifyOrderDetail | null> {
  const { data } = await client.request<{ order: ShopifyOrder | null }>(ORDER_BY_ID, { id });
  if (!data.order) return null;
  const { lineItems, refunds: anyRefund, ...header } = data.order;
  const lines: OrderLineItem[] = [...lineItems.nodes];
  let page: Page<OrderLineItem> = lineItems;
  while (page.pageInfo.hasNextPage) {
    const next = await client.request<{ order: { lineItems: Page<OrderLineItem> } | null }>(ORDER_LINE_ITEMS_PAGE, { id, after: page.pageInfo.endCursor });
    if (!next.data.order) break;
    page = next.data.order.lineItems;
    lines.push(...page.nodes);
  }
  const refunds = anyRefund.length === 0 ? [] : await getRefunds(client, id);
  return { ...header, lineItems: lines, refunds, fulfillmentOrders: await getFulfillmentOrders(client, id) };
}

/** An order's first ORDER_REFUNDS_READ refunds (none when Shopify has no such order). */
export async function getRefunds(client: ShopifyGraphqlClient, orderId: string): Promise<OrderRefund[]> {
  const { data } = await client.request<{ order: { refunds: OrderRefund[] } | null }>(ORDER_REFUNDS, { id: orderId });
  return data.order ? [...data.order.refunds] : [];
}

export async function getFulfillmentOrders(client: ShopifyGraphqlClient, orderId: string): Promise<FulfillmentOrder[]> {
  const { data } = await client.request<{ order: { fulfillmentOrders: { nodes: FulfillmentOrder[] } } | null }>(ORDER_FULFILLMENT_ORDERS, { id: orderId });
  return data.order ? [...data.order.fulfillmentOrders.nodes] : [];
}

export interface OrdersUpdatedSinceInput {
  /** ISO-8601 instant; orders updated at or after it are returned (ties are re-read, not lost). */
  readonly since: string;
  readonly after?: string | null;
  /** Page size, at most 250. Default 50. */
  readonly first?: number;
}

/**
 * One page of orders changed since `since`, oldest change first, in every status. Keep `endCursor`
 * to resume after a crash; the next run starts again from the last `updatedAt` seen.
 */
export async function listOrdersUpdatedSince(client: ShopifyGraphqlClient, input: OrdersUpdatedSinceInput): Promise<Page<OrderSummary>> {
  if (Number.isNaN(Date.parse(input.since))) throw new TypeError(`since must be an ISO-8601 instant, got ${JSON.stringify(input.since)}`);
  const variables = { query: `updated_at:>=${searchValue(input.since)}`, after: input.after ?? null, ...(input.first === undefined ? {} : { first: input.first }) };
  const { data } = await client.request<{ orders: Page<OrderSummary> }>(ORDERS_UPDATED_SINCE, variables);
  return data.orders;
}
