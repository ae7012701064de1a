import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { resourceKeyOf } from '@shopsync/core';
import { openSqliteStore, sqliteStoreOn, type NewDelivery } from '@shopsync/runner';
import type { Webhook } from './shopify-webhooks';

const BATCH = 10_000;

/** The runner's store on a connection of our own (migrated first by openSqliteStore), so a batch is one transaction. */
async function withFillStore<T>(path: string, work: (db: Database.Database, store: ReturnType<typeof sqliteStoreOn>) => Promise<T>): Promise<T> {
  await openSqliteStore({ path }).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Setup only, not measured: serve opens the file later with its own default (FULL).
  db.pragma('synchronous = OFF');
  try {
    return await work(db, sqliteStoreOn(db));
  } finally {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}

function delivery(shop: string, w: Webhook): NewDelivery {
  return {
    shop,
    webhookId: w.webhookId,
    topic: w.topic,
    eventId: w.eventId,
    triggeredAt: w.triggeredAt,
    apiVersion: w.apiVersion,
    resourceKey: resourceKeyOf(shop, w.topic, JSON.parse(w.body) as unknown),
    payload: w.body,
    payloadHash: createHash('sha256').update(w.body).digest('hex'),
  };
}

/** Webhooks put in the inbox as the ingress would store them (same resource key and payload hash), left pending. */
export async function fillPending(path: string, shop: string, webhooks: readonly Webhook[]): Promise<void> {
  await fillPendingMade(path, shop, webhooks.length, (i) => webhooks[i]!);
}

/**
 * `count` webhooks made one batch at a time by `webhookAt(i)` and left pending as fillPending leaves
 * them: a backlog of 100,000 full-size bodies (~850 MB) is never held in memory at once.
 */
export async function fillPendingMade(path: string, shop: string, count: number, webhookAt: (i: number) => Webhook): Promise<void> {
  await withFillStore(path, async (db, store) => {
    for (let start = 0; start < count; start += BATCH) {
      const batch: NewDelivery[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i += 1) batch.push(delivery(shop, webhookAt(i)));
      db.exec('BEGIN');
      await store.acceptDeliveries(batch, new Date());
      db.exec('COMMIT');
    }
  });
}

/**
 * What one claim costs on this state file, through the runner's store as serve opens it, while the
 * whole backlog is pending: ms of the first claimNext (cold: the store's thread and connection just
 * opened) and of the median of the next five (warm). Each claimed event is put back at once, due now
 * and without an attempt spent, so serve later finds the backlog whole.
 */
export async function timeClaims(path: string): Promise<{ readonly coldMs: number; readonly warmMs: number }> {
  const store = openSqliteStore({ path });
  try {
    const times: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const started = performance.now();
      const event = await store.claimNext('bench-claim-probe', `probe-${i}`, new Date(), 60_000);
      times.push(performance.now() - started);
      if (event !== null) await store.deferEvent(event.claim, 'outage', new Date(), 'npm run bench: the claim-cost probe put it back', new Date());
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    return { coldMs: times[0]!, warmMs: warm[Math.floor(warm.length / 2)]! };
  } finally {
    await store.close();
  }
}

/**
 * `count` small orders/create events (each its own order, ~150 B), accepted through the store API and
 * then settled through it too — claimed and finished `skipped` with a reason naming the benchmark,
 * and marked as shown in the Sync Log — so serve starts on a store of settled history with no backlog
 * and nothing to mirror. Returns how long it took (ms).
 */
export async function fillSettled(path: string, shop: string, count: number): Promise<number> {
  const started = performance.now();
  await withFillStore(path, async (db, store) => {
    for (let start = 0; start < count; start += BATCH) {
      const now = new Date();
      const batch: NewDelivery[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i += 1) {
        const id = 4_000_000_000_000 + i;
        const payload = `{"id":${id},"name":"#F${i}","updated_at":"2026-12-01T10:00:00-05:00","financial_status":"paid","line_items":[{"id":${id + 1},"sku":"SKU-1","quantity":1,"price":"10.00"}]}`;
        batch.push({ shop, webhookId: `fill-${i}`, topic: 'orders/create', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: `${shop}/order/${id}`, payload, payloadHash: createHash('sha256').update(payload).digest('hex') });
      }
      db.exec('BEGIN');
      await store.acceptDeliveries(batch, now);
      const settled: number[] = [];
      for (;;) {
        const event = await store.claimNext('bench-fill', `fill-${start}`, now, 600_000);
        if (event === null) break;
        await store.finish(event.claim, 'skipped', 'filled by npm run bench (history for the memory figure)', now);
        settled.push(event.claim.inboxId);
      }
      await store.markMirrored(settled, now);
      db.exec('COMMIT');
    }
  });
  return performance.now() - started;
}
