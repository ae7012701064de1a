import type { FailureSubject } from '../failures/failure';
import { resourceIdOf } from '../ids/shopify-gid';
import { transactionOrderId } from '../orders/parse-transaction';
import { refundOrderId } from '../orders/parse-refund';
import { isRecord } from '../webhooks/parse-result';

/** What a failure of this event is about, for its operator sentence, even when the plan never got made. */
export function subjectOf(topic: string, payload: unknown): FailureSubject {
  if (isRecord(payload) && topic.startsWith('orders/')) {
    const id = resourceIdOf(payload, 'Order');
    const name = typeof payload.name === 'string' ? payload.name : id ?? 'unknown';
    return { kind: 'order', label: name, ...(id === null ? {} : { shopifyId: id }) };
  }
  if (isRecord(payload) && topic.startsWith('customers/')) {
    const id = resourceIdOf(payload, 'Customer');
    const name = [payload.first_name, payload.last_name].filter((part) => typeof part === 'string').join(' ');
    return { kind: 'customer', label: name.length > 0 ? name : id ?? 'unknown', ...(id === null ? {} : { shopifyId: id }) };
  }
  // A payment or refund names its order by id: the payload carries no order name.
  const orderId = !isRecord(payload) ? null : topic === 'order_transactions/create' ? transactionOrderId(payload) : topic.startsWith('refunds/') ? refundOrderId(payload) : null;
  if (orderId !== null) return { kind: 'order', label: `id ${orderId}`, shopifyId: orderId };
  return { kind: 'event', label: topic };
}
