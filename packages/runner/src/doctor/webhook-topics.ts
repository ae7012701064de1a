/**
 * The webhook topics shopsync needs subscribed (REST names, as X-Shopify-Topic carries them): orders
 * in every state change, refunds, customers, and the payment transactions that become Payment Entries.
 */
export const SHOPSYNC_WEBHOOK_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/edited',
  'refunds/create',
  'customers/create',
  'customers/update',
  'order_transactions/create',
] as const;
export type ShopsyncWebhookTopic = (typeof SHOPSYNC_WEBHOOK_TOPICS)[number];
