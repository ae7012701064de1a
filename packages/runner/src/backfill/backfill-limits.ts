import { parseCents } from '@shopsync/core';
import type { ShopifyOrderDetail } from '@shopsync/shopify-client';

const REFUNDED = new Set(['REFUNDED', 'PARTIALLY_REFUNDED']);
const FULFILLED = new Set(['FULFILLED', 'PARTIALLY_FULFILLED']);

// The client's OrderById reads the first 10 transactions and 5 shipping lines; a full page may hide more.
const TRANSACTIONS_READ = 10;
const SHIPPING_LINES_READ = 5;

/**
 * Why an order cannot be backfilled faithfully from what the client's OrderById document reads, or
 * null when it can. An order that would plan differently from its webhook is refused and named,
 * never enqueued half-read: a refunded order without its refunds would be invoiced and paid in full,
 * and a Shopify-fulfilled order without its fulfillments would get no Delivery Notes. (Tips and
 * duties are not read either, but they cannot go unnoticed: the planner's total check parks the order.)
 */
export function backfillLimitation(order: ShopifyOrderDetail, fulfillmentAuthority: 'erpnext' | 'shopify'): string | null {
  const refunded = order.refunds.length > 0 || (parseCents(order.totalRefundedSet.shopMoney.amount) ?? 0) > 0 || REFUNDED.has(order.displayFinancialStatus ?? '');
  if (refunded) return 'it has refunds, and a refund\'s tax, shipping and adjustments are not read by the client\'s OrderById document';
  if (fulfillmentAuthority === 'shopify' && FULFILLED.has(order.displayFulfillmentStatus)) {
    return 'it is fulfilled in Shopify (the fulfillment authority here), and fulfillments are not read by the client\'s OrderById document';
  }
  if (order.transactions.length >= TRANSACTIONS_READ) return `it has ${TRANSACTIONS_READ} or more transactions, more than the client's OrderById document reads`;
  if (order.shippingLines.nodes.length >= SHIPPING_LINES_READ) return `it has ${SHIPPING_LINES_READ} or more shipping lines, more than the client's OrderById document reads`;
  return null;
}
