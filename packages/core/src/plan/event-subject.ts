import type { FailureSubject } from '../failures/failure';
import { resourceIdOf } from '../ids/shopify-gid';

/**
 * What a failure of an event is about, for its operator sentence, even when the plan never got made.
 * These build the subject from what a payload holds; which one a topic uses is its registry row's
 * choice (topics/topic-resources.ts), so nothing here knows a topic.
 */

/** An order payload: named by its name (#1001), else its id. */
export function orderSubject(order: Record<string, unknown>): FailureSubject {
  const id = resourceIdOf(order, 'Order');
  const name = typeof order.name === 'string' ? order.name : id ?? 'unknown';
  return { kind: 'order', label: name, ...(id === null ? {} : { shopifyId: id }) };
}

/** A payment or refund names its order by id only: its payload carries no order name. */
export function orderSubjectById(orderId: string): FailureSubject {
  return { kind: 'order', label: `id ${orderId}`, shopifyId: orderId };
}

/** A customer payload: named by first and last name, else its id. */
export function customerSubject(customer: Record<string, unknown>): FailureSubject {
  const id = resourceIdOf(customer, 'Customer');
  const name = [customer.first_name, customer.last_name].filter((part) => typeof part === 'string').join(' ');
  return { kind: 'customer', label: name.length > 0 ? name : id ?? 'unknown', ...(id === null ? {} : { shopifyId: id }) };
}

/** An event whose payload names nothing readable is named by its topic. */
export function eventSubject(topic: string): FailureSubject {
  return { kind: 'event', label: topic };
}

/**
 * A payment or refund names its order by id only (its payload holds no order name); the order's stored
 * state (its latest payload, as JSON) has the name, so the operator reads "Order #1042" everywhere.
 */
export function withOrderName(subject: FailureSubject, orderSnapshot: string | null): FailureSubject {
  if (subject.kind !== 'order' || !subject.label.startsWith('id ') || orderSnapshot === null) return subject;
  try {
    const name = (JSON.parse(orderSnapshot) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? { ...subject, label: name } : subject;
  } catch {
    return subject;
  }
}
