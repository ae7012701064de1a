import type Database from 'better-sqlite3';
import type { AcceptedDelivery, NewDelivery } from '../ports/inbox-port';
import { addEvidence } from './add-evidence';
import { prepared } from './prepared';

const INSERT_EVENT = `INSERT INTO inbox (shop, webhook_id, topic, event_id, triggered_at, api_version, resource_key, payload_hash, received_at, available_at)
  VALUES (@shop, @webhookId, @topic, @eventId, @triggeredAt, @apiVersion, @resourceKey, @payloadHash, @now, @now)
  ON CONFLICT (shop, webhook_id) DO NOTHING
  RETURNING id`;

/** The payload is kept apart from the inbox row, which is updated several times per event (migration 010). */
const INSERT_PAYLOAD = 'INSERT INTO inbox_payloads (inbox_id, payload) VALUES (?, ?)';

/**
 * Inserts the event and its payload unless its webhook id is known; a repeat becomes a duplicate
 * delivery row and its evidence. A first delivery writes nothing else: its row is its delivery and
 * its `received` evidence (received-evidence.ts).
 */
export function acceptOne(db: Database.Database, delivery: NewDelivery, nowIso: string): AcceptedDelivery {
  const inserted = prepared(db, INSERT_EVENT).get({ ...delivery, now: nowIso }) as { id: number } | undefined;
  if (inserted !== undefined) {
    prepared(db, INSERT_PAYLOAD).run(inserted.id, delivery.payload);
    return { inboxId: inserted.id, duplicate: false };
  }
  const inboxId = (prepared(db, 'SELECT id FROM inbox WHERE shop = ? AND webhook_id = ?').get(delivery.shop, delivery.webhookId) as { id: number }).id;
  prepared(db, 'INSERT INTO deliveries (inbox_id, received_at, duplicate) VALUES (?, ?, 1)').run(inboxId, nowIso);
  addEvidence(db, inboxId, 'duplicate_delivery', { webhookId: delivery.webhookId, payloadHash: delivery.payloadHash }, nowIso);
  return { inboxId, duplicate: true };
}

/**
 * Group commit: all deliveries in one transaction, so one fsync acknowledges the whole batch. The 200
 * Shopify receives means the event and its payload (a repeat: its delivery and evidence rows) are committed. Inserting one
 * by one inside the transaction makes a webhook id repeated within the batch a duplicate too.
 */
export function acceptDeliveries(db: Database.Database, deliveries: readonly NewDelivery[], nowIso: string): AcceptedDelivery[] {
  return db.transaction(() => deliveries.map((delivery) => acceptOne(db, delivery, nowIso)))();
}
