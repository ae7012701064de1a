import { listWindow, type OrderWindow } from '../admin-read/list-window';
import { orderDelivery, transactionDelivery } from '../admin-read/inbox-deliveries';
import { orderFromRead } from '../admin-read/read-order';
import type { InboxPort, NewDelivery } from '../store/store';
import { backfillOrderWebhookId, backfillTransactionWebhookId } from './backfill-ids';
import type { BackfillProgress, BackfillShopResult, RefusedOrder } from './types';

export interface BackfillShopOptions extends OrderWindow {
  readonly shop: string;
  readonly store: InboxPort;
  readonly fulfillmentAuthority: 'erpnext' | 'shopify';
  readonly now: () => Date;
  readonly onProgress?: (progress: BackfillProgress) => void;
}

// Orders committed per store transaction: one fsync for many events, and progress shown as often.
const BATCH = 25;

/**
 * Reads the orders of one shop changed in the window and enqueues each as an orders/updated event
 * (plus its transactions as order_transactions/create) in the inbox the webhooks use, so a running
 * `serve` applies them exactly like webhooks. The list comes from the paged `orders` query, and each
 * order is read in full with OrderById and parsed by the core's GraphQL adapter (read-order.ts); see
 * README "backfill" for why not a bulk operation. An order whose backfill event is already in the
 * inbox is not read again, so an interrupted backfill resumes where it stopped.
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
      const detail = await shopify.orders.get(summary.id);
      if (detail === null) {
        refused.push({ id: summary.legacyResourceId, name: summary.name, reason: 'it no longer exists in Shopify' });
        continue;
      }
      const read = orderFromRead(detail, ianaTimezone, options.fulfillmentAuthority);
      if (!read.ok) {
        refused.push({ id: detail.legacyResourceId, name: detail.name, reason: read.reason });
        continue;
      }
      deliveries.push(orderDelivery(shop, backfillOrderWebhookId(detail.legacyResourceId, detail.updatedAt), read.order, apiVersion));
      for (const transaction of read.transactions) {
        deliveries.push(transactionDelivery(shop, backfillTransactionWebhookId(transaction.id), transaction, read.order, apiVersion));
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
