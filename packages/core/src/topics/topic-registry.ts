import { planRefundEvent } from '../orders/plan-refund-event';
import { planTransactionEvent } from '../orders/plan-transaction-event';
import { planCustomerTopic, planOrderEditTopic, planOrderTopic } from './topic-planners';
import { CUSTOMER, EDITED_ORDER, ORDER, REFUND, TRANSACTION } from './topic-resources';
import { DELIVERY_NOTE, INVENTORY_LEVEL, STOCK_CHANGE } from './push-resources';
import type { TopicFamilySpec, TopicPayload, TopicSpec } from './types';

const STATE: TopicPayload = { carries: 'state' };
const REFUND_PART: TopicPayload = { carries: 'part', listedIn: 'refunds' };
const PAYMENT_PART: TopicPayload = { carries: 'part', listedIn: null };

/**
 * Shopify names every topic `<resource>/<event>`. The resource family decides the flow of each of its
 * topics, synced or not, so an operator's `off` or `shadow` also covers webhooks no row plans
 * (inventory_levels/update while inventory is off); and it says how such a topic names its resource,
 * so orders/delete still queues with its order. Families never plan: a topic without a row is skipped.
 */
export const TOPIC_FAMILIES = {
  orders: { flow: 'orders', resource: ORDER },
  refunds: { flow: 'orders', resource: REFUND },
  order_transactions: { flow: 'orders', resource: null },
  customers: { flow: 'customers', resource: CUSTOMER },
  inventory_levels: { flow: 'inventory', resource: INVENTORY_LEVEL },
  inventory_items: { flow: 'inventory', resource: null },
  fulfillments: { flow: 'fulfillment', resource: null },
  fulfillment_orders: { flow: 'fulfillment', resource: null },
  // Not Shopify's: events shopsync makes from ERPNext's Stock Ledger (never accepted from a webhook).
  stock: { flow: 'inventory', resource: STOCK_CHANGE },
  delivery_notes: { flow: 'fulfillment', resource: DELIVERY_NOTE },
} as const satisfies Record<string, TopicFamilySpec>;

export type TopicFamily = keyof typeof TOPIC_FAMILIES;

/** The shape the registry must have: keys are `<known family>/<event>`, every row complete. */
export type TopicTable = { readonly [topic: `${TopicFamily}/${string}`]: TopicSpec };

/**
 * Every topic shopsync syncs, one row each: how its payload names its resource (the inbox key and the
 * failure subject) and its planner; its flow is its family's. Adding a topic is adding its row: the
 * planner, the resource key, the flow switch and the doctor's subscription all follow. The compiler
 * refuses a row without a resource or a planner, and a topic of no known family (`products/update`
 * needs its family's flow first).
 */
export const TOPICS = {
  'orders/create': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.created'), countsUnbooked: true },
  'orders/updated': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.updated'), countsUnbooked: true },
  'orders/paid': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.paid'), countsUnbooked: true },
  'orders/cancelled': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.cancelled') },
  'orders/fulfilled': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.fulfilled') },
  'orders/partially_fulfilled': { resource: ORDER, payload: STATE, plan: planOrderTopic('order.fulfilled') },
  'orders/edited': { resource: EDITED_ORDER, payload: { carries: 'change', readAs: 'orders/updated' }, plan: planOrderEditTopic },
  'refunds/create': { resource: REFUND, payload: REFUND_PART, plan: planRefundEvent },
  'customers/create': { resource: CUSTOMER, payload: STATE, plan: planCustomerTopic },
  'customers/update': { resource: CUSTOMER, payload: STATE, plan: planCustomerTopic },
  'order_transactions/create': { resource: TRANSACTION, payload: PAYMENT_PART, plan: planTransactionEvent },
} as const satisfies TopicTable;

/** A topic shopsync syncs, in Shopify's REST spelling (as X-Shopify-Topic carries it). */
export type Topic = keyof typeof TOPICS;

/** The synced topics in the registry's order, which is the order the doctor reports them in. */
export const SYNCED_TOPICS = Object.keys(TOPICS) as readonly Topic[];

/** A row as the shape every row has, so a column a row leaves out reads as undefined. */
function specOf(topic: Topic): TopicSpec {
  return TOPICS[topic];
}

export function isTopic(topic: string): topic is Topic {
  return Object.hasOwn(TOPICS, topic);
}

/** The family of any topic by its prefix, or null for a resource shopsync has no flow for. */
export function familyOf(topic: string): TopicFamilySpec | null {
  const family = topic.slice(0, Math.max(topic.indexOf('/'), 0));
  return Object.hasOwn(TOPIC_FAMILIES, family) ? TOPIC_FAMILIES[family as TopicFamily] : null;
}

/**
 * The topics whose open events the oversell guard counts (TopicSpec.countsUnbooked), in the
 * registry's order: every store engine selects the unbooked orders by this list.
 */
export const UNBOOKED_ORDER_TOPICS: readonly Topic[] = SYNCED_TOPICS.filter((topic) => specOf(topic).countsUnbooked === true);

/** What a topic's payload holds (types.ts TopicPayload); null for a topic no row plans. */
export function payloadOf(topic: string): TopicPayload | null {
  return isTopic(topic) ? TOPICS[topic].payload : null;
}

/**
 * Topics whose work is done in Shopify, not planned into ERPNext writes: the stock tailer's
 * `stock/changed` (push ERPNext's quantities), Shopify's `inventory_levels/update` (echo or drift,
 * never written to ERPNext stock) and the Delivery Notes the tailer sees (a fulfillment each).
 * `origin: erpnext` topics are made by shopsync itself: the webhook receiver refuses them.
 */
export const PUSH_TOPICS = {
  'stock/changed': { origin: 'erpnext' },
  'delivery_notes/submitted': { origin: 'erpnext' },
  'delivery_notes/cancelled': { origin: 'erpnext' },
  'inventory_levels/update': { origin: 'shopify' },
} as const satisfies { readonly [topic: `${TopicFamily}/${string}`]: { readonly origin: 'erpnext' | 'shopify' } };

export type PushTopic = keyof typeof PUSH_TOPICS;

export function isPushTopic(topic: string): topic is PushTopic {
  return Object.hasOwn(PUSH_TOPICS, topic);
}

/** A topic shopsync makes from ERPNext: no webhook may carry it. */
export function isInternalTopic(topic: string): boolean {
  return isPushTopic(topic) && PUSH_TOPICS[topic].origin === 'erpnext';
}
