import type { FailureCategory } from '../errors/failure-category';
import { findFailureCode } from './find-failure-code';
import type { Failure, FailureSubject } from './failure';

/** Operator action per category, for codes whose row has no sentence of its own (wire errors, the runner's). */
const CATEGORY_ACTIONS: Record<FailureCategory, string> = {
  transient: 'it was retried until its retry time (worker.retryForMinutes) ran out; check that ERPNext and Shopify are reachable and what the message says, then retry',
  rate_limited: 'it was retried at the rate the server allows until its retry time (worker.retryForMinutes) ran out; check the other system\'s limits, then retry',
  auth: 'fix the API credentials or permissions in the configuration, then retry all auth failures',
  mapping: 'add the missing mapping, then retry',
  validation: 'fix the data in ERPNext as the message says, then retry',
  conflict: 'decide what the document should be, then requeue or ignore the event',
  drift: 'run the offered repair action, or correct the document by hand',
  internal: 'report it with the event evidence attached',
};

/** The subject in words, as every failure sentence starts: "Order #1042", "Customer Ada Lovelace". */
export function subjectText(subject: FailureSubject): string {
  switch (subject.kind) {
    case 'order':
      return `Order ${subject.label}`;
    case 'customer':
      return `Customer ${subject.label}`;
    case 'stock':
      return `Stock of ${subject.label}`;
    case 'delivery_note':
      return `Delivery Note ${subject.label}`;
    case 'event':
      return `Event ${subject.label}`;
  }
}

function whatHappened(failure: Failure): string {
  const p = failure.params;
  switch (failure.code) {
    case 'payload.invalid':
      return `could not be read from the webhook payload (${p.issues})`;
    case 'mapping.sku_missing':
      return `has line "${p.lineTitle}" without a SKU, so no ERPNext Item can be chosen`;
    case 'mapping.currency_unsupported':
      return `is in ${p.orderCurrency}, but the company books in ${p.companyCurrency}`;
    case 'mapping.tax_account_unmapped':
      return `has tax "${p.taxTitle}", which is mapped to no ERPNext account`;
    case 'mapping.shipping_account_unmapped':
      return `charges ${p.amount} for shipping, but no shipping account is configured`;
    case 'mapping.tip_account_unmapped':
      return `includes a tip of ${p.amount}, but no tip account is configured`;
    case 'mapping.duties_account_unmapped':
      return `includes duties of ${p.amount}, but no duties account is configured`;
    case 'mapping.rounding_account_unmapped':
      return `has line "${p.lineTitle}" whose net amount cannot be split into equal unit rates (${p.amount} left over), but no rounding account is configured`;
    case 'mapping.gift_card_item_unmapped':
      return `sells gift card "${p.lineTitle}", but no gift card Item is configured`;
    case 'mapping.gateway_unmapped':
      return `was paid through gateway "${p.gateway}", which is mapped to no Mode of Payment`;
    case 'validation.total_mismatch':
      return `would total ${p.erpnextTotal} in ERPNext but totals ${p.shopifyTotal} in Shopify`;
    case 'validation.refund_mismatch':
      return `has refund ${p.refundId}, whose credit note would total ${p.erpnextTotal} in ERPNext but Shopify refunded ${p.shopifyTotal}`;
    case 'order.not_yet_seen':
      return `has ${p.what} ${p.id}, but the order itself has not reached shopsync yet`;
    case 'order.not_yet_paid':
      return `has payment ${p.transactionId}, but shopsync still holds the order as unpaid`;
    case 'conflict.order_edit_blocked':
      return `was edited in Shopify, but its ${p.doctype} ${p.name} cannot be replaced by an amendment in ERPNext (${p.reason})`;
    case 'drift.order_differs':
    case 'drift.customer_differs':
      return `differs in ERPNext: ${p.findings}`;
    case 'mapping.stock_item_unlinked':
      return `moved in ERPNext, but no Shopify variant has SKU ${p.items}, so Shopify's stock cannot follow`;
    case 'mapping.stock_item_not_stocked':
      return `moved in ERPNext, but ${p.items} is not stocked at Shopify location ${p.locationId}`;
    case 'mapping.warehouse_unmapped':
      return `moved in warehouse ${p.warehouse} (${p.items}), which is mapped to no Shopify location`;
    case 'drift.stock_differs':
      return `is ${p.shopify} available in Shopify, but ERPNext's Bins say ${p.erpnext}${p.cause ? ` (${p.cause})` : ''}`;
    case 'conflict.delivery_note_cancelled':
      return `was cancelled in ERPNext after it became Shopify fulfillment ${p.fulfillment}`;
    case 'conflict.cancel_blocked':
      return `was cancelled in Shopify, but its ${p.doctype} ${p.name} cannot be cancelled in ERPNext (${p.reason})`;
    default:
      return `was not synced: ${p.message ?? failure.code}`;
  }
}

/** While a failure is still being retried, the true action is to wait (the parked wording says what was tried). */
const RETRYING_ACTIONS: Partial<Record<FailureCategory, string>> = {
  transient: 'it is retried automatically with backoff; nothing to do yet',
  rate_limited: 'it is retried at the rate the server allows; nothing to do yet',
};

/**
 * One sentence (DESIGN §4): what happened to which order or customer, and what to do. `stage` says
 * whether the event is parked (the operator must act) or still being retried (the operator waits).
 */
export function describeFailure(failure: Failure, stage: 'parked' | 'retrying' = 'parked'): string {
  const action =
    findFailureCode(failure.code)?.action ??
    (stage === 'retrying' ? RETRYING_ACTIONS[failure.category] : undefined) ??
    CATEGORY_ACTIONS[failure.category];
  return `${subjectText(failure.subject)} ${whatHappened(failure)}; ${action}.`;
}
