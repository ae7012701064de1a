import type Database from 'better-sqlite3';
import type { AcceptedDelivery, NewDelivery } from '../store';

/**
 * Inserts the event unless its webhook id is known, and records the delivery either way, in one
 * transaction: the 200 Shopify receives means both rows are committed.
 */
export function acceptDelivery(db: Database.Database, delivery: NewDelivery, nowIso: string): AcceptedDelivery {
  return db.transaction((): AcceptedDelivery => {
    const inserted = db
      .prepare(
        `INSERT INTO inbox (shop, webhook_id, topic, event_id, triggered_at, api_version, resource_key, payload, payload_hash, received_at, available_at)
         VALUES (@shop, @webhookId, @topic, @eventId, @triggeredAt, @apiVersion, @resourceKey, @payload, @payloadHash, @now, @now)
         ON CONFLICT (shop, webhook_id) DO NOTHING
         RETURNING id`,
      )
      .get({ ...delivery, now: nowIso }) as { id: number } | undefined;
    const inboxId =
      inserted?.id ??
      (db.prepare('SELECT id FROM inbox WHERE shop = ? AND webhook_id = ?').get(delivery.shop, delivery.webhookId) as { id: number }).id;
    const duplicate = inserted === undefined;
    db.prepare('INSERT INTO deliveries (inbox_id, received_at, duplicate) VALUES (?, ?, ?)').run(inboxId, nowIso, duplicate ? 1 : 0);
    const evidence = duplicate
      ? { kind: 'duplicate_delivery', data: { webhookId: delivery.webhookId, payloadHash: delivery.payloadHash } }
      : { kind: 'received', data: { webhookId: delivery.webhookId, eventId: delivery.eventId, topic: delivery.topic, payloadHash: delivery.payloadHash, apiVersion: delivery.apiVersion } };
    db.prepare('INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, ?, ?)').run(inboxId, nowIso, evidence.kind, JSON.stringify(evidence.data));
    return { inboxId, duplicate };
  })();
}
