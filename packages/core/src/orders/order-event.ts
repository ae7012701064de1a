import type { ShopifyOrder } from './shopify-order';

/**
 * What happened to an order, as its webhook topic says. Which topic is which kind is the topic's row
 * in the registry (topics/topic-registry.ts); the planner plans every kind from the order's state.
 */
export type OrderEventKind = 'order.created' | 'order.updated' | 'order.paid' | 'order.cancelled' | 'order.fulfilled';

export interface OrderEvent {
  readonly kind: OrderEventKind;
  readonly shop: string;
  readonly order: ShopifyOrder;
}
