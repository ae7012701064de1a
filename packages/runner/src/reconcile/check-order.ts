import type { DriftFinding, SyncError, SyncSettings } from '@shopsync/core';
import type { OrderSummary, ShopifyOrderDetail } from '@shopsync/shopify-client';
import { backfillLimitation } from '../backfill/backfill-limits';
import { orderToRest } from '../backfill/order-to-rest';
import { transactionToRest } from '../backfill/transaction-to-rest';
import type { BackfillShopify } from '../backfill/types';
import { compareOrder, type ErpnextReads } from './compare-order';
import { failureReason, readWithRetry, type RetryDeps } from './read-with-retry';
import type { NotComparedOrder, ReconcileEvent } from './reconcile-events';

export interface CheckOrderContext {
  readonly shop: string;
  readonly shopify: BackfillShopify;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  readonly ianaTimezone: string;
  readonly retry: RetryDeps;
  readonly onEvent?: (event: ReconcileEvent) => void;
}

export interface ComparedOrder {
  readonly kind: 'compared';
  readonly order: ShopifyOrderDetail;
  readonly payload: unknown;
  readonly transactions: readonly unknown[];
  readonly findings: readonly DriftFinding[];
}

export type OrderCheck =
  | ComparedOrder
  /** `error` is set when a read failed (the caller decides whether it stops the whole shop). */
  | { readonly kind: 'not_compared'; readonly order: NotComparedOrder; readonly error: SyncError | null };

function notCompared(id: string, name: string, code: string, reason: string, attempts: number, error: SyncError | null = null): OrderCheck {
  return { kind: 'not_compared', order: { id, name, code, reason, attempts }, error };
}

/**
 * One order of the window: read it in full from Shopify, then what ERPNext holds for it. Each of the
 * two reads is retried on its own, so an ERPNext timeout does not read the order from Shopify again
 * (~80 points each time). Any failure is returned as a not-compared order, never thrown.
 */
export async function checkOrder(summary: OrderSummary, ctx: CheckOrderContext): Promise<OrderCheck> {
  const { shop, settings } = ctx;
  const onRetry = (error: SyncError, attempt: number, delayMs: number) => ctx.onEvent?.({ type: 'retry', shop, order: summary.name, code: error.code, attempt, delayMs });
  const read = await readWithRetry(() => ctx.shopify.orders.get(summary.id), ctx.retry, onRetry);
  if (!read.ok) return notCompared(summary.legacyResourceId, summary.name, read.error.code, failureReason(read.error, read.attempts), read.attempts, read.error);
  const order = read.value;
  if (order === null) return notCompared(summary.legacyResourceId, summary.name, 'reconcile.order_gone', 'it no longer exists in Shopify', read.attempts);
  const limitation = backfillLimitation(order, settings.fulfillmentAuthority);
  if (limitation !== null) return notCompared(order.legacyResourceId, order.name, 'reconcile.order_unreadable', limitation, read.attempts);
  // The conversion runs inside the retried read so that a bug in it costs this one order, not the run.
  const compared = await readWithRetry(
    async () => {
      const payload = orderToRest(order, ctx.ianaTimezone);
      const transactions = order.transactions.map((transaction) => transactionToRest(transaction, order, ctx.ianaTimezone));
      return { payload, transactions, comparison: await compareOrder(shop, payload, transactions, settings, ctx.erpnext) };
    },
    ctx.retry,
    onRetry,
  );
  if (!compared.ok) return notCompared(order.legacyResourceId, order.name, compared.error.code, failureReason(compared.error, compared.attempts), compared.attempts, compared.error);
  const { payload, transactions, comparison } = compared.value;
  if (!comparison.comparable) return notCompared(order.legacyResourceId, order.name, comparison.code, comparison.reason, compared.attempts);
  return { kind: 'compared', order, payload, transactions, findings: comparison.findings };
}
