import type { ShopifyOrder } from './shopify-order';

/** Order topics the core plans for; the webhook topic decides the kind. */
export const ORDER_TOPIC_KINDS = {
  'orders/create': 'order.created',
  'orders/updated': 'order.updated',
  'orders/paid': 'order.paid',
} as const;

export type OrderTopic = keyof typeof ORDER_TOPIC_KINDS;

export type OrderEvent =
  | { readonly kind: 'order.created'; readonly shop: string; readonly order: ShopifyOrder }
  | { readonly kind: 'order.updated'; readonly shop: string; readonly order: ShopifyOrder }
  | { readonly kind: 'order.paid'; readonly shop: string; readonly order: ShopifyOrder };

export function isOrderTopic(topic: string): topic is OrderTopic {
  return Object.prototype.hasOwnProperty.call(ORDER_TOPIC_KINDS, topic);
}
