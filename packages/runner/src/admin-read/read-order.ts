import { parseGraphqlOrder, parseGraphqlTransactions, type ShopifyOrder, type ShopifyTransaction } from '@shopsync/core';
import type { ShopifyOrderDetail } from '@shopsync/shopify-client';
import { readLimitation } from './read-limits';

/** An order read over the Admin API, as the planner's values, with the read itself for its ids and versions. */
export interface ReadOrder {
  readonly ok: true;
  /** The client's read: its legacyResourceId and UTC updatedAt name the events made from it. */
  readonly detail: ShopifyOrderDetail;
  readonly order: ShopifyOrder;
  /** Each planned as an order_transactions/create of its own (payments are not part of the order). */
  readonly transactions: readonly ShopifyTransaction[];
}

/** Why the read cannot stand for the order: more than the client reads (`limited`), or values the parser refuses (`invalid`). */
export type UnreadOrder = { readonly ok: false; readonly kind: 'limited'; readonly reason: string } | { readonly ok: false; readonly kind: 'invalid'; readonly reason: string; readonly issues: readonly string[] };

/**
 * What backfill, reconcile and requeue make of an order the client read: refused when the client's
 * documents hold less than its webhook would (read-limits.ts), else the order and its transactions
 * parsed by the core's GraphQL adapter, which gives what parseOrder gives for the webhook body.
 */
export function orderFromRead(detail: ShopifyOrderDetail, timeZone: string, fulfillmentAuthority: 'erpnext' | 'shopify'): ReadOrder | UnreadOrder {
  const limitation = readLimitation(detail, fulfillmentAuthority);
  if (limitation !== null) return { ok: false, kind: 'limited', reason: limitation };
  const order = parseGraphqlOrder(detail, timeZone);
  const transactions = parseGraphqlTransactions(detail, timeZone);
  if (!order.ok || !transactions.ok) {
    const issues = [...(order.ok ? [] : order.issues), ...(transactions.ok ? [] : transactions.issues)];
    return { ok: false, kind: 'invalid', reason: `its Admin API read cannot be booked: ${issues.join('; ')}`, issues };
  }
  return { ok: true, detail, order: order.value, transactions: transactions.value };
}
