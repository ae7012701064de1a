import { parseCustomer } from '../customers/parse-customer';
import { planCustomerEvent } from '../customers/plan-customer-event';
import { resourceIdOf } from '../ids/shopify-gid';
import { coreFailure } from '../failures/make-failure';
import { resourceKey } from '../keys/operation-key';
import { ORDER_TOPIC_KINDS, isOrderTopic } from '../orders/order-event';
import { parseOrder } from '../orders/parse-order';
import { planOrderEvent } from '../orders/plan-order-event';
import { planRefundEvent } from '../orders/plan-refund-event';
import { planTransactionEvent } from '../orders/plan-transaction-event';
import { transactionOrderId } from '../orders/parse-transaction';
import { orderIdOfEdit, planOrderEdit } from '../orders/plan-order-edit';
import { refundOrderId } from '../orders/parse-refund';
import type { SyncSettings } from '../settings/sync-settings';
import { isRecord } from '../webhooks/parse-result';
import { subjectOf } from './event-subject';
import { EMPTY_CONTEXT, type PlanContext } from './plan-context';
import { failedPlan, skippedPlan, type Plan } from './types';

export { subjectOf } from './event-subject';

/** A verified, stored webhook as the core sees it. */
export interface InboundEvent {
  readonly shop: string;
  readonly topic: string;
  readonly payload: unknown;
}

/** The single entry point: event + settings in, plan out. No IO, no clock, no randomness. */
export function planEvent(event: InboundEvent, settings: SyncSettings, context: PlanContext = EMPTY_CONTEXT): Plan {
  if (event.topic === 'customers/create' || event.topic === 'customers/update') {
    const customer = parseCustomer(event.payload);
    if (!customer.ok) {
      return failedPlan(coreFailure('payload.invalid', subjectOf(event.topic, event.payload), { issues: customer.issues.join('; ') }));
    }
    return planCustomerEvent(event.shop, customer.value, settings, context);
  }
  if (event.topic === 'refunds/create') return planRefundEvent(event, settings, context);
  if (event.topic === 'orders/edited') return planOrderEdit(event.payload);
  if (event.topic === 'order_transactions/create') return planTransactionEvent(event, settings, context);
  if (!isOrderTopic(event.topic)) return skippedPlan(`topic ${event.topic} is not synced`);
  const result = parseOrder(event.payload);
  if (!result.ok) {
    return failedPlan(coreFailure('payload.invalid', subjectOf(event.topic, event.payload), { issues: result.issues.join('; ') }));
  }
  return planOrderEvent({ kind: ORDER_TOPIC_KINDS[event.topic], shop: event.shop, order: result.value }, settings, context);
}

/**
 * The key that serialises events: all events about one Shopify order (or customer) are applied one
 * at a time. Unknown topics and unreadable payloads get a per-topic key; they are never applied.
 */
export function resourceKeyOf(shop: string, topic: string, payload: unknown): string {
  if (isRecord(payload)) {
    if (topic.startsWith('orders/')) {
      const id = resourceIdOf(payload, 'Order');
      if (id !== null) return resourceKey('order', shop, id);
    }
    if (topic === 'orders/edited') {
      const id = orderIdOfEdit(payload);
      if (id !== null) return resourceKey('order', shop, id);
    }
    if (topic === 'order_transactions/create') {
      const id = transactionOrderId(payload);
      if (id !== null) return resourceKey('order', shop, id);
    }
    if (topic.startsWith('refunds/')) {
      const id = refundOrderId(payload);
      if (id !== null) return resourceKey('order', shop, id);
    }
    if (topic.startsWith('customers/')) {
      const id = resourceIdOf(payload, 'Customer');
      if (id !== null) return resourceKey('customer', shop, id);
    }
  }
  return `${shop}/topic/${topic}`;
}
