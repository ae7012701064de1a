import type { OrderSummary } from '@shopsync/shopify-client';
import type { InboxPort, NewDelivery } from '../store/store';
import { backfillDelivery } from './backfill-deliveries';
import { backfillOrderWebhookId, backfillTransactionWebhookId } from './backfill-ids';
import { backfillLimitation } from './backfill-limits';
import { orderToRest } from './order-to-rest';
import { legacyId } from './rest-parts';
import { transactionToRest } from './transaction-to-rest';
import type { BackfillProgress, BackfillShopify, BackfillShopResult, RefusedOrder } from './types';

export interface BackfillShopOptions {
  readonly shop: string;
  readonly shopify: BackfillShopify;
  readonly store: InboxPort;
  /** ISO-8601 instants; orders updated at or after `since` and, if given, at or before `until`. */
  readonly since: string;
  readonly until: string | null;
  readonly fulfillmentAuthority: 'erpnext' | 'shopify';
  readonly now: () => Date;
  readonly onProgress?: (progress: BackfillProgress) => void;
}

// Orders listed per request: the most Shopify allows, as the list itself is cheap (ids and dates).
const LIST_PAGE = 250;
// Orders committed per store transaction: one fsync for many events, and progress shown as often.
const BATCH = 25;

/** Every order updated in the window, oldest change first (the list is sorted by updated_at). */
export async function listWindow(options: Pick<BackfillShopOptions, 'shopify' | 'since' | 'until'>): Promise<OrderSummary[]> {
  const until = options.until === null ? Number.POSITIVE_INFINITY : Date.parse(options.until);
  const listed: OrderSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await options.shopify.orders.updatedSince({ since: options.since, after, first: LIST_PAGE });
    const inWindow = page.nodes.filter((order) => Date.parse(order.updatedAt) <= until);
    listed.push(...inWindow);
    if (!page.pageInfo.hasNextPage || inWindow.length < page.nodes.length) return listed;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Reads the orders of one shop changed in the window and enqueues each as an orders/updated event
 * (plus its transactions as order_transactions/create) in the inbox the webhooks use, so a running
 * `serve` applies them exactly like webhooks. The list comes from the paged `orders` query, and each
 * order is read in full with OrderById before it is converted; see README "backfill" for why not a
 * bulk operation. An order whose backfill event is already in the inbox is not read again, so an
 * interrupted backfill resumes where it stopped.
 */
export async function backfillShop(options: BackfillShopOptions): Promise<BackfillShopResult> {
  const { shop, shopify, store } = options;
  const { ianaTimezone } = await shopify.shop();
  const apiVersion = shopify.graphql.apiVersion;
  const listed = await listWindow(options);
  const refused: RefusedOrder[] = [];
  let enqueued = 0;
  let alreadyKnown = 0;
  let transactions = 0;
  for (let start = 0; start < listed.length; start += BATCH) {
    const batch = listed.slice(start, start + BATCH);
    const known = new Set(await store.knownWebhookIds(shop, batch.map((order) => backfillOrderWebhookId(order.legacyResourceId, order.updatedAt))));
    const deliveries: NewDelivery[] = [];
    for (const summary of batch) {
      if (known.has(backfillOrderWebhookId(summary.legacyResourceId, summary.updatedAt))) {
        alreadyKnown += 1;
        continue;
      }
      const order = await shopify.orders.get(summary.id);
      if (order === null) {
        refused.push({ id: summary.legacyResourceId, name: summary.name, reason: 'it no longer exists in Shopify' });
        continue;
      }
      const limitation = backfillLimitation(order, options.fulfillmentAuthority);
      if (limitation !== null) {
        refused.push({ id: order.legacyResourceId, name: order.name, reason: limitation });
        continue;
      }
      deliveries.push(backfillDelivery(shop, 'orders/updated', backfillOrderWebhookId(order.legacyResourceId, order.updatedAt), orderToRest(order, ianaTimezone), apiVersion));
      for (const transaction of order.transactions) {
        deliveries.push(backfillDelivery(shop, 'order_transactions/create', backfillTransactionWebhookId(legacyId(transaction.id)), transactionToRest(transaction, order, ianaTimezone), apiVersion));
      }
    }
    // Checked again: the order may have changed since it was listed (a new updated_at), and an earlier
    // backfill of the same order already enqueued the transactions it had then.
    const stored = new Set(await store.knownWebhookIds(shop, deliveries.map((delivery) => delivery.webhookId)));
    const fresh = deliveries.filter((delivery) => !stored.has(delivery.webhookId));
    if (fresh.length > 0) await store.acceptDeliveries(fresh, options.now());
    enqueued += fresh.filter((delivery) => delivery.topic === 'orders/updated').length;
    alreadyKnown += deliveries.filter((delivery) => delivery.topic === 'orders/updated' && stored.has(delivery.webhookId)).length;
    transactions += fresh.filter((delivery) => delivery.topic === 'order_transactions/create').length;
    options.onProgress?.({ shop, done: Math.min(start + BATCH, listed.length), total: listed.length, enqueued });
  }
  return { shop, scanned: listed.length, enqueued, alreadyKnown, transactions, refused };
}
