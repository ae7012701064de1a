import { coreFailure, describeDrift, describeFailure, type DriftFinding, type SyncSettings } from '@shopsync/core';
import { backfillDelivery } from '../backfill/backfill-deliveries';
import { backfillLimitation } from '../backfill/backfill-limits';
import { orderToRest } from '../backfill/order-to-rest';
import { listWindow } from '../backfill/run-backfill';
import { transactionToRest } from '../backfill/transaction-to-rest';
import type { BackfillShopify } from '../backfill/types';
import type { NewDelivery, ParkedFailure, Store } from '../store/store';
import { compareOrder, type ErpnextReads } from './compare-order';

export interface ReconcileShopOptions {
  readonly shop: string;
  readonly shopify: BackfillShopify;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  readonly since: string;
  readonly until: string | null;
  /**
   * Where findings go. `record`: each drifted order is stored as a parked event with a drift failure
   * (listed by `failures`, mirrored to Sync Failure; requeueing it is the repair). `repair`: each
   * drifted order (its current state and transactions) is enqueued for the runner to repair now.
   */
  readonly findings: { readonly mode: 'record' | 'repair'; readonly store: Store; readonly now: () => Date } | null;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface OrderDriftReport {
  readonly id: string;
  readonly name: string;
  readonly findings: ReadonlyArray<DriftFinding & { readonly message: string }>;
}

export interface ReconcileShopResult {
  readonly shop: string;
  readonly compared: number;
  readonly drifted: readonly OrderDriftReport[];
  /** Orders that could not be compared: the planner would not book them (with its reason), or the converter refuses them. */
  readonly notCompared: ReadonlyArray<{ readonly id: string; readonly name: string; readonly reason: string }>;
  readonly repairsEnqueued: number;
  /** Drifted orders stored as parked events with a drift failure (none when already recorded for the same order version). */
  readonly findingsRecorded: number;
}

/** A recorded finding's webhook id (the order's state at one version); its transactions' ids extend it. */
export const RECONCILE_WEBHOOK_PREFIX = 'reconcile:';

/**
 * Records each drifted order as a parked event with its drift failure; on repair, requeues it (a
 * repair is the recorded finding requeued: when it applies, its drift failure resolves with it),
 * requeues the order's other parked events (a payment that waited in vain for its order), and
 * enqueues its transactions.
 */
async function recordFindings(
  target: NonNullable<ReconcileShopOptions['findings']>,
  shop: string,
  findings: ReadonlyArray<{ delivery: NewDelivery; failure: ParkedFailure }>,
  paymentRepairs: readonly NewDelivery[],
): Promise<{ findingsRecorded: number; repairsEnqueued: number }> {
  let findingsRecorded = 0;
  let repairsEnqueued = 0;
  const open = target.mode === 'repair' ? await target.store.failures({ status: 'open' }) : [];
  for (const { delivery, failure } of findings) {
    const finding = await target.store.recordFinding(delivery, failure, target.now());
    if (finding.recorded) findingsRecorded += 1;
    if (target.mode !== 'repair') continue;
    if ((await target.store.requeueEvent(finding.inboxId, 'requeue', target.now())) === 'requeued') repairsEnqueued += 1;
    for (const parked of open) {
      if (parked.resourceKey === delivery.resourceKey && parked.category !== 'drift') await target.store.actOnFailure(parked.id, 'requeue', target.now());
    }
  }
  if (target.mode === 'repair' && paymentRepairs.length > 0) {
    const known = new Set(await target.store.knownWebhookIds(shop, paymentRepairs.map((delivery) => delivery.webhookId)));
    const fresh = paymentRepairs.filter((delivery) => !known.has(delivery.webhookId));
    if (fresh.length > 0) await target.store.acceptDeliveries(fresh, target.now());
  }
  return { findingsRecorded, repairsEnqueued };
}

/**
 * Compares, for every order changed in the window, what the planner says ERPNext must hold for the
 * order's current Shopify state (its Sales Order and content, invoice, credit notes, deliveries,
 * cancellation, and a Payment Entry per transaction) with what ERPNext holds, and reports each
 * difference in a sentence (DESIGN G7). Nothing is written to ERPNext. Each drifted order is
 * recorded as a parked event with a drift failure (mirrored to Sync Failure; requeueing it is the
 * repair); with `repair` it is requeued at once, with its transactions, and the runner brings ERPNext
 * to it with keyed writes — the drift failure resolves when that succeeds.
 */
export async function reconcileShop(options: ReconcileShopOptions): Promise<ReconcileShopResult> {
  const { shop, shopify, erpnext, settings } = options;
  const { ianaTimezone } = await shopify.shop();
  const listed = await listWindow(options);
  const drifted: OrderDriftReport[] = [];
  const notCompared: Array<{ id: string; name: string; reason: string }> = [];
  // The transactions of drifted orders, enqueued on repair so their Payment Entries are booked too.
  const paymentRepairs: NewDelivery[] = [];
  const findingsToRecord: Array<{ delivery: NewDelivery; failure: ParkedFailure }> = [];
  for (const [index, summary] of listed.entries()) {
    const order = await shopify.orders.get(summary.id);
    const limitation = order === null ? 'it no longer exists in Shopify' : backfillLimitation(order, settings.fulfillmentAuthority);
    if (order === null || limitation !== null) {
      notCompared.push({ id: summary.legacyResourceId, name: summary.name, reason: limitation ?? 'unknown' });
      continue;
    }
    const payload = orderToRest(order, ianaTimezone);
    const transactions = order.transactions.map((transaction) => transactionToRest(transaction, order, ianaTimezone));
    const comparison = await compareOrder(shop, payload, transactions, settings, erpnext);
    if (!comparison.comparable) {
      notCompared.push({ id: order.legacyResourceId, name: order.name, reason: comparison.reason });
      continue;
    }
    const { findings } = comparison;
    if (findings.length > 0) {
      const described = findings.map((finding) => ({ ...finding, message: describeDrift(finding) }));
      drifted.push({ id: order.legacyResourceId, name: order.name, findings: described });
      const version = `${RECONCILE_WEBHOOK_PREFIX}${order.legacyResourceId}:${order.updatedAt}`;
      const apiVersion = shopify.graphql.apiVersion;
      const failure = coreFailure('drift.order_differs', { kind: 'order', label: order.name, shopifyId: order.legacyResourceId }, { findings: described.map((finding) => finding.message).join('; ') });
      findingsToRecord.push({
        delivery: backfillDelivery(shop, 'orders/updated', version, payload, apiVersion),
        failure: { code: failure.code, category: failure.category, retryable: failure.retryable, message: describeFailure(failure), details: { subject: failure.subject, findings: described } },
      });
      for (const [n, tx] of transactions.entries()) paymentRepairs.push(backfillDelivery(shop, 'order_transactions/create', `${version}:transaction:${n}`, tx, apiVersion));
    }
    options.onProgress?.(index + 1, listed.length);
  }
  const settled = options.findings === null ? { findingsRecorded: 0, repairsEnqueued: 0 } : await recordFindings(options.findings, shop, findingsToRecord, paymentRepairs);
  return { shop, compared: listed.length - notCompared.length, drifted, notCompared, ...settled };
}
