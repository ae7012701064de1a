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

/** Inserts the event unless its webhook id is known, and records the delivery either way. */
export function acceptOne(db: Database.Database, delivery: NewDelivery, nowIso: string): AcceptedDelivery {
  const inserted = prepared(db, INSERT_EVENT).get({ ...delivery, now: nowIso }) as { id: number } | undefined;
  const inboxId =
    inserted?.id ??
    (prepared(db, 'SELECT id FROM inbox WHERE shop = ? AND webhook_id = ?').get(delivery.shop, delivery.webhookId) as { id: number }).id;
  const duplicate = inserted === undefined;
  if (!duplicate) prepared(db, INSERT_PAYLOAD).run(inboxId, delivery.payload);
  prepared(db, 'INSERT INTO deliveries (inbox_id, received_at, duplicate) VALUES (?, ?, ?)').run(inboxId, nowIso, duplicate ? 1 : 0);
  if (duplicate) {
    addEvidence(db, inboxId, 'duplicate_delivery', { webhookId: delivery.webhookId, payloadHash: delivery.payloadHash }, nowIso);
  } else {
    const { webhookId, eventId, topic, payloadHash, apiVersion } = delivery;
    addEvidence(db, inboxId, 'received', { webhookId, eventId, topic, payloadHash, apiVersion }, nowIso);
  }
  return { inboxId, duplicate };
}

/**
 * Group commit: all deliveries in one transaction, so one fsync acknowledges the whole batch. The 200
 * Shopify receives means the event, the delivery and the evidence rows are committed. Inserting one
 * by one inside the transaction makes a webhook id repeated within the batch a duplicate too.
 */
export function acceptDeliveries(db: Database.Database, deliveries: readonly NewDelivery[], nowIso: string): AcceptedDelivery[] {
  return db.transaction(() => deliveries.map((delivery) => acceptOne(db, delivery, nowIso)))();
}
