import { coreFailure, describeDrift, describeFailure, type DriftFinding, type SyncSettings } from '@shopsync/core';
import { orderDelivery, transactionDelivery } from '../admin-read/inbox-deliveries';
import { listWindow } from '../admin-read/list-window';
import type { ShopifyOrderReads } from '../admin-read/types';
import type { NewDelivery } from '../store/store';
import { checkOrder, type CheckOrderContext, type ComparedOrder } from './check-order';
import type { ErpnextReads } from './compare-order';
import { readWithRetry, realRetryDeps, type RetryDeps } from './read-with-retry';
import type { NotComparedOrder, ReconcileEvent, ShopStop } from './reconcile-events';
import { recordFindings, type FindingsTarget, type FindingToRecord } from './record-findings';
import { listingStop, stopWatch } from './shop-stop';

export type { NotComparedOrder, ReconcileCounts, ReconcileEvent, ShopStop } from './reconcile-events';

export interface ReconcileShopOptions {
  readonly shop: string;
  readonly shopify: ShopifyOrderReads;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  readonly since: string;
  readonly until: string | null;
  /**
   * Where findings go. `record`: each drifted order is stored as a parked event with a drift failure
   * (listed by `failures`, mirrored to Sync Failure; requeueing it is the repair). `repair`: each
   * drifted order (its current state and transactions) is enqueued for the runner to repair now.
   */
  readonly findings: FindingsTarget | null;
  /** Progress, retries, orders not compared and a stop, as they happen. */
  readonly onEvent?: (event: ReconcileEvent) => void;
  /** Backoff between read attempts; the default really sleeps. */
  readonly retry?: RetryDeps;
}

export interface OrderDriftReport {
  readonly id: string;
  readonly name: string;
  readonly findings: ReadonlyArray<DriftFinding & { readonly message: string }>;
}

export interface ReconcileShopResult {
  readonly shop: string;
  /** Orders changed in the window. */
  readonly listed: number;
  readonly compared: number;
  readonly drifted: readonly OrderDriftReport[];
  /** Orders that could not be compared: a read failed, the planner would not book them, or the read cannot stand for them. */
  readonly notCompared: readonly NotComparedOrder[];
  /** Set when the rest of the window could not be compared (the list unreadable, auth refused, a service unreachable). */
  readonly stopped: ShopStop | null;
  readonly repairsEnqueued: number;
  /** Drifted orders stored as parked events with a drift failure (none when already recorded for the same order version). */
  readonly findingsRecorded: number;
}

/** A recorded finding's webhook id (the order's state at one version); its transactions' ids extend it. */
export const RECONCILE_WEBHOOK_PREFIX = 'reconcile:';

/**
 * Compares, for every order changed in the window, what the planner says ERPNext must hold for the
 * order's current Shopify state (its Sales Order and content, invoice, credit notes, deliveries,
 * cancellation, and a Payment Entry per transaction) with what ERPNext holds, and reports each
 * difference in a sentence (DESIGN G7). Nothing is written to ERPNext. Each drifted order is
 * recorded as a parked event with a drift failure (mirrored to Sync Failure; requeueing it is the
 * repair); with `repair` it is requeued at once, with its transactions, and the runner brings ERPNext
 * to it with keyed writes — the drift failure resolves when that succeeds.
 *
 * It never throws for a read: an order whose reads fail (after retries, when worth retrying) is
 * listed as not compared with the error's code and sentence, and a failure that holds for the whole
 * shop stops it with a reason — what was compared before is still reported and recorded.
 */
export async function reconcileShop(options: ReconcileShopOptions): Promise<ReconcileShopResult> {
  const { shop, shopify } = options;
  const retry = options.retry ?? realRetryDeps;
  const onRetry = (error: { code: string }, attempt: number, delayMs: number) => options.onEvent?.({ type: 'retry', shop, order: null, code: error.code, attempt, delayMs });
  const listing = await readWithRetry(async () => ({ zone: (await shopify.shop()).ianaTimezone, orders: await listWindow(options) }), retry, onRetry);
  if (!listing.ok) {
    const stop = { ...listingStop(listing.error, listing.attempts), unvisited: 0 };
    options.onEvent?.({ type: 'stopped', shop, stop });
    return { shop, listed: 0, compared: 0, drifted: [], notCompared: [], stopped: stop, findingsRecorded: 0, repairsEnqueued: 0 };
  }
  const listed = listing.value.orders;
  const drifted: OrderDriftReport[] = [];
  const notCompared: NotComparedOrder[] = [];
  const findingsToRecord: FindingToRecord[] = [];
  // The transactions of drifted orders, enqueued on repair so their Payment Entries are booked too.
  const paymentRepairs: NewDelivery[] = [];
  let compared = 0;
  let stopped: ShopStop | null = null;
  const ctx: CheckOrderContext = { shop, shopify, erpnext: options.erpnext, settings: options.settings, ianaTimezone: listing.value.zone, retry, onEvent: options.onEvent };
  const watch = stopWatch();
  for (const [index, summary] of listed.entries()) {
    const check = await checkOrder(summary, ctx);
    if (check.kind === 'not_compared') {
      notCompared.push(check.order);
      options.onEvent?.({ type: 'not_compared', shop, order: check.order });
    } else {
      compared += 1;
      if (check.findings.length > 0) drifted.push(noteDrift(shop, shopify.graphql.apiVersion, check, findingsToRecord, paymentRepairs));
    }
    options.onEvent?.({ type: 'progress', counts: { shop, done: index + 1, total: listed.length, compared, drifted: drifted.length, notCompared: notCompared.length } });
    const stop = watch(check);
    if (stop !== null) {
      stopped = { ...stop, unvisited: listed.length - index - 1 };
      break;
    }
  }
  if (stopped !== null) options.onEvent?.({ type: 'stopped', shop, stop: stopped });
  const settled = options.findings === null ? { findingsRecorded: 0, repairsEnqueued: 0 } : await recordFindings(options.findings, shop, findingsToRecord, paymentRepairs);
  return { shop, listed: listed.length, compared, drifted, notCompared, stopped, ...settled };
}

/** A drifted order's report, and the parked event (and transactions) that record and repair it. */
function noteDrift(shop: string, apiVersion: string, check: ComparedOrder, findings: FindingToRecord[], paymentRepairs: NewDelivery[]): OrderDriftReport {
  const { detail, order, transactions } = check.read;
  const described = check.findings.map((finding) => ({ ...finding, message: describeDrift(finding) }));
  const version = `${RECONCILE_WEBHOOK_PREFIX}${detail.legacyResourceId}:${detail.updatedAt}`;
  const failure = coreFailure('drift.order_differs', { kind: 'order', label: detail.name, shopifyId: detail.legacyResourceId }, { findings: described.map((finding) => finding.message).join('; ') });
  findings.push({
    delivery: orderDelivery(shop, version, order, apiVersion),
    failure: { code: failure.code, category: failure.category, retryable: failure.retryable, message: describeFailure(failure), details: { subject: failure.subject, findings: described } },
  });
  for (const [n, transaction] of transactions.entries()) paymentRepairs.push(transactionDelivery(shop, `${version}:transaction:${n}`, transaction, order, apiVersion));
  return { id: detail.legacyResourceId, name: detail.name, findings: described };
}
