import type { FailureCategory } from '../errors/failure-category';
import type { FailureCode } from './failure-codes';

/** Names the thing a failure happened to, so its sentence can say "order #1001" rather than an id. */
export interface FailureSubject {
  readonly kind: 'order' | 'customer' | 'stock' | 'delivery_note' | 'event';
  /** Human label: the order name (#1001), the customer's name, the item and location, the Delivery Note's name, or the topic. */
  readonly label: string;
  readonly shopifyId?: string;
}

/** A failure as data (STYLE C7): the sentence is rendered from code + params by describeFailure. */
export interface Failure {
  readonly code: FailureCode;
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly subject: FailureSubject;
  readonly params: Readonly<Record<string, string | number>>;
}
