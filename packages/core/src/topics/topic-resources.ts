import type { FailureSubject } from '../failures/failure';
import { resourceIdOf } from '../ids/shopify-gid';
import { orderIdOfEdit } from '../orders/plan-order-edit';
import { refundOrderId } from '../orders/parse-refund';
import { transactionOrderId } from '../orders/parse-transaction';
import { customerSubject, eventSubject, orderSubject, orderSubjectById } from '../plan/event-subject';
import { isRecord } from '../webhooks/parse-result';
import type { TopicResource } from './types';

/** An order's own payload (orders/*): its id from its GID, its name for the sentence. */
export const ORDER = {
  kind: 'order',
  idOf: (payload) => resourceIdOf(payload, 'Order'),
  subjectOf: orderSubject,
} as const satisfies TopicResource;

/**
 * orders/edited carries the order edit, which names its order by `order_edit.order_id`; it is read
 * as an order payload first, as every orders/* topic always was, so a full order under this topic
 * keys the same. Its failures are named the way an order payload's are (an edit has no name).
 */
export const EDITED_ORDER = {
  kind: 'order',
  idOf: (payload) => ORDER.idOf(payload) ?? orderIdOfEdit(payload),
  subjectOf: orderSubject,
} as const satisfies TopicResource;

/** A payment or refund belongs to its order: queued with it, and named by the order's id. */
function partOfOrder(orderIdOf: (payload: unknown) => string | null): TopicResource {
  return {
    kind: 'order',
    idOf: orderIdOf,
    subjectOf: (payload) => {
      const orderId = orderIdOf(payload);
      return orderId === null ? null : orderSubjectById(orderId);
    },
  };
}

export const REFUND = partOfOrder(refundOrderId);

export const TRANSACTION = partOfOrder(transactionOrderId);

export const CUSTOMER = {
  kind: 'customer',
  idOf: (payload) => resourceIdOf(payload, 'Customer'),
  subjectOf: customerSubject,
} as const satisfies TopicResource;

/** What a failure of this event is about: its resource's subject, else the event itself. */
export function subjectIn(resource: TopicResource | null, topic: string, payload: unknown): FailureSubject {
  const subject = resource !== null && isRecord(payload) ? resource.subjectOf(payload) : null;
  return subject ?? eventSubject(topic);
}
