import type { ShopifyOrder } from './shopify-order';

/** Order topics the core plans for; the webhook topic decides the kind. */
export const ORDER_TOPIC_KINDS = {
  'orders/create': 'order.created',
  'orders/updated': 'order.updated',
  'orders/paid': 'order.paid',
  'orders/cancelled': 'order.cancelled',
  'orders/fulfilled': 'order.fulfilled',
  'orders/partially_fulfilled': 'order.fulfilled',
} as const;

export type OrderTopic = keyof typeof ORDER_TOPIC_KINDS;
export type OrderEventKind = (typeof ORDER_TOPIC_KINDS)[OrderTopic];

export interface OrderEvent {
  readonly kind: OrderEventKind;
  readonly shop: string;
  readonly order: ShopifyOrder;
}

export function isOrderTopic(topic: string): topic is OrderTopic {
  return Object.prototype.hasOwnProperty.call(ORDER_TOPIC_KINDS, topic);
}
