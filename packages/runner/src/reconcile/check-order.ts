import { coreFailure, describeFailure, type DriftFinding, type SyncError, type SyncSettings } from '@shopsync/core';
import type { OrderSummary } from '@shopsync/shopify-client';
import { orderFromRead, type ReadOrder, type UnreadOrder } from '../admin-read/read-order';
import type { ShopifyOrderReads } from '../admin-read/types';
import { compareOrder, type ErpnextReads } from './compare-order';
import { failureReason, readWithRetry, type RetryDeps } from './read-with-retry';
import type { NotComparedOrder, ReconcileEvent } from './reconcile-events';

export interface CheckOrderContext {
  readonly shop: string;
  readonly shopify: ShopifyOrderReads;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  readonly ianaTimezone: string;
  readonly retry: RetryDeps;
  readonly onEvent?: (event: ReconcileEvent) => void;
}

export interface ComparedOrder {
  readonly kind: 'compared';
  /** The order as read and parsed: a drifted one is recorded (and repaired) from it. */
  readonly read: ReadOrder;
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
 * One order of the window: read it in full from Shopify and parse it, then what ERPNext holds for it.
 * Each of the two reads is retried on its own, so an ERPNext timeout does not read the order from
 * Shopify again (~80 points each time); each runs its pure part too (the parse, the plan), so that a
 * bug there costs this one order, not the run. Any failure is returned as a not-compared order, never
 * thrown.
 */
export async function checkOrder(summary: OrderSummary, ctx: CheckOrderContext): Promise<OrderCheck> {
  const { shop, settings } = ctx;
  const onRetry = (error: SyncError, attempt: number, delayMs: number) => ctx.onEvent?.({ type: 'retry', shop, order: summary.name, code: error.code, attempt, delayMs });
  const notComparedAfter = (code: string, reason: string, attempts: number, error: SyncError | null = null) => notCompared(summary.legacyResourceId, summary.name, code, reason, attempts, error);
  const read = await readWithRetry(
    async () => {
      const detail = await ctx.shopify.orders.get(summary.id);
      return detail === null ? null : orderFromRead(detail, ctx.ianaTimezone, settings.fulfillmentAuthority);
    },
    ctx.retry,
    onRetry,
  );
  if (!read.ok) return notComparedAfter(read.error.code, failureReason(read.error, read.attempts), read.attempts, read.error);
  const order = read.value;
  if (order === null) return notComparedAfter('reconcile.order_gone', 'it no longer exists in Shopify', read.attempts);
  if (!order.ok) return notComparedAfter(...unreadable(summary, order), read.attempts);
  const compared = await readWithRetry(() => compareOrder(shop, order.order, order.transactions, settings, ctx.erpnext), ctx.retry, onRetry);
  if (!compared.ok) return notComparedAfter(compared.error.code, failureReason(compared.error, compared.attempts), compared.attempts, compared.error);
  const comparison = compared.value;
  if (!comparison.comparable) return notComparedAfter(comparison.code, comparison.reason, compared.attempts);
  return { kind: 'compared', read: order, findings: comparison.findings };
}

/**
 * The code and reason of an order the read cannot stand for: more than the client reads, or values
 * the planner could not book, named as the planner names an unreadable payload (payload.invalid).
 */
function unreadable(summary: OrderSummary, why: UnreadOrder): [code: string, reason: string] {
  if (why.kind === 'limited') return ['reconcile.order_unreadable', why.reason];
  const failure = coreFailure('payload.invalid', { kind: 'order', label: summary.name, shopifyId: summary.legacyResourceId }, { issues: why.issues.join('; ') });
  return [failure.code, describeFailure(failure)];
}
