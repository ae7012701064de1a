import { parseCents } from '@shopsync/core';
import { ORDER_REFUNDS_READ, type OrderRefund, type ShopifyOrderDetail } from '@shopsync/shopify-client';

const REFUNDED = new Set(['REFUNDED', 'PARTIALLY_REFUNDED']);

const FULFILLED = new Set(['FULFILLED', 'PARTIALLY_FULFILLED']);

// The client's OrderById reads the first 10 transactions and 5 shipping lines; a full page may hide more.
const TRANSACTIONS_READ = 10;
const SHIPPING_LINES_READ = 5;

/** The part of a refund that OrderRefunds read only the first page of, or null when it read all. */
function unreadRefundPart(refund: OrderRefund): string | null {
  if (refund.refundLineItems.pageInfo.hasNextPage) return 'lines';
  if (refund.refundShippingLines.pageInfo.hasNextPage) return 'shipping lines';
  if (refund.orderAdjustments.pageInfo.hasNextPage) return 'order adjustments';
  if (refund.transactions.pageInfo.hasNextPage) return 'transactions';
  return null;
}

/**
 * Why an order cannot be read faithfully from what the client's documents read, or null when it can.
 * An order that would plan differently from its webhook is refused and named — by backfill, reconcile
 * and requeue alike — never planned half-read: a refund left out would leave the order invoiced and
 * paid in full, and a Shopify-fulfilled order without its fulfillments would get no Delivery Notes.
 * (Tips and duties are not read either, but they cannot go unnoticed: the planner's total check parks
 * the order.)
 */
export function readLimitation(order: ShopifyOrderDetail, fulfillmentAuthority: 'erpnext' | 'shopify'): string | null {
  if (fulfillmentAuthority === 'shopify' && FULFILLED.has(order.displayFulfillmentStatus)) {
    return 'it is fulfilled in Shopify (the fulfillment authority here), and fulfillments are not read by the client\'s OrderById document';
  }
  if (order.transactions.length >= TRANSACTIONS_READ) return `it has ${TRANSACTIONS_READ} or more transactions, more than the client's OrderById document reads`;
  if (order.shippingLines.nodes.length >= SHIPPING_LINES_READ) return `it has ${SHIPPING_LINES_READ} or more shipping lines, more than the client's OrderById document reads`;
  const saysRefunded = REFUNDED.has(order.displayFinancialStatus ?? '') || (parseCents(order.totalRefundedSet.shopMoney.amount) ?? 0) > 0;
  // Shopify says refunded, yet OrderRefunds (a second request after OrderById) read none: it changed in between.
  if (saysRefunded && order.refunds.length === 0) return 'it is refunded, but no refund was read (it changed while it was read; run again)';
  if (order.refunds.length >= ORDER_REFUNDS_READ) return `it has ${ORDER_REFUNDS_READ} or more refunds, more than the client's OrderRefunds document reads`;
  for (const refund of order.refunds) {
    const unread = unreadRefundPart(refund);
    if (unread !== null) return `its refund ${refund.legacyResourceId} has more ${unread} than the client's OrderRefunds document reads`;
  }
  return null;
}
