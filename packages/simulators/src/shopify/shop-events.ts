import { fulfillmentJson } from './fulfillment/fulfillment-payload';
import type { FulfillmentRecord } from './fulfillment/fulfillment-types';
import { inventoryLevelJson } from './inventory/inventory-payload';
import { orderJson } from './order-payload';
import { transactionJson } from './transaction-payload';
import type { ShopifyShop } from './shop-model';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher';

/** A webhook one merchant action causes. */
export interface ShopEvent {
  topic: string;
  payload: unknown;
}

/** inventory_levels/update for every level whose stock moved since the last call. */
export function inventoryEvents(shop: ShopifyShop): ShopEvent[] {
  return shop.inventory.takeChanged().map((level) => ({ topic: 'inventory_levels/update', payload: inventoryLevelJson(level, shop.timezoneOffset) }));
}

/** fulfillments/create, orders/partially_fulfilled or orders/fulfilled, and orders/updated. */
export function fulfillmentEvents(shop: ShopifyShop, fulfillment: FulfillmentRecord): ShopEvent[] {
  const order = shop.orders.get(fulfillment.orderId);
  const orderBody = orderJson(order, shop);
  return [
    { topic: 'fulfillments/create', payload: fulfillmentJson(fulfillment, order, shop) },
    { topic: order.fulfillmentStatus === 'fulfilled' ? 'orders/fulfilled' : 'orders/partially_fulfilled', payload: orderBody },
    { topic: 'orders/updated', payload: orderBody },
  ];
}

/** order_transactions/create for each payment transaction the action created. */
export function transactionEvents(shop: ShopifyShop, orderId: number): ShopEvent[] {
  const order = shop.orders.get(orderId);
  return shop.transactions.takeNew(orderId).map((transaction) => ({ topic: 'order_transactions/create', payload: transactionJson(transaction, order, shop) }));
}

/** Triggers the events of one action under one X-Shopify-Event-Id (notes §1.1); never rejects. */
export function fireEvents(webhooks: ShopifyWebhookDispatcher, events: readonly ShopEvent[]): void {
  if (events.length === 0) return;
  const eventId = webhooks.newEventId();
  for (const event of events) void webhooks.trigger(event.topic, event.payload, eventId);
}
