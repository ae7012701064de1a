import { parseCustomer } from '../customers/parse-customer';
import { planCustomerEvent } from '../customers/plan-customer-event';
import { coreFailure } from '../failures/make-failure';
import type { OrderEventKind } from '../orders/order-event';
import { parseOrder } from '../orders/parse-order';
import { planOrderEdit } from '../orders/plan-order-edit';
import { planOrderEvent } from '../orders/plan-order-event';
import { failedPlan } from '../plan/types';
import { CUSTOMER, ORDER, subjectIn } from './topic-resources';
import type { TopicPlanner } from './types';

/**
 * The planners of topics whose payload is the whole resource: parse it at the boundary (STYLE C4), and
 * an unreadable payload is a failure naming what could be read of it. Refunds and payments carry only
 * a part of their order and plan it with the order's latest state (plan-refund-event.ts,
 * plan-transaction-event.ts), so they parse for themselves.
 */

/** Every order topic carries the whole order and is planned from its state; the topic gives the kind. */
export function planOrderTopic(kind: OrderEventKind): TopicPlanner {
  return (event, settings, context) => {
    const result = parseOrder(event.payload);
    if (!result.ok) return failedPlan(coreFailure('payload.invalid', subjectIn(ORDER, event.topic, event.payload), { issues: result.issues.join('; ') }));
    return planOrderEvent({ kind, shop: event.shop, order: result.value }, settings, context);
  };
}

export const planCustomerTopic: TopicPlanner = (event, settings, context) => {
  const customer = parseCustomer(event.payload);
  if (!customer.ok) return failedPlan(coreFailure('payload.invalid', subjectIn(CUSTOMER, event.topic, event.payload), { issues: customer.issues.join('; ') }));
  return planCustomerEvent(event.shop, customer.value, settings, context);
};

/** orders/edited carries only the change: it is recorded and explained, the edited order comes another way. */
export const planOrderEditTopic: TopicPlanner = (event) => planOrderEdit(event.payload);
