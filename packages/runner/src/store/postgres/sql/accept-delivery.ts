import type { AcceptedDelivery, NewDelivery } from '../../ports/inbox-port';
import { addEvidence } from './add-evidence';
import { one, run, type Db } from './query';

const INSERT_EVENT = `INSERT INTO inbox (shop, webhook_id, topic, event_id, triggered_at, api_version, resource_key, payload, payload_hash, received_at, available_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $10::timestamptz)
  ON CONFLICT (shop, webhook_id) DO NOTHING
  RETURNING id`;

/**
 * Inserts the event unless its webhook id is known; a repeat becomes a duplicate delivery row and its
 * evidence. A first delivery writes nothing else: its row is its delivery and its `received` evidence
 * (received-evidence.ts). A delivery of the same webhook id committing in another process meanwhile
 * makes the insert wait for it, then do nothing; the next statement (READ COMMITTED) sees the row it committed.
 */
export async function acceptOne(db: Db, delivery: NewDelivery, nowIso: string): Promise<AcceptedDelivery> {
  const { shop, webhookId, topic, eventId, triggeredAt, apiVersion, resourceKey, payload, payloadHash } = delivery;
  const inserted = await one<{ id: number }>(db, INSERT_EVENT, [shop, webhookId, topic, eventId, triggeredAt, apiVersion, resourceKey, payload, payloadHash, nowIso]);
  if (inserted !== undefined) return { inboxId: inserted.id, duplicate: false };
  const inboxId = (await one<{ id: number }>(db, 'SELECT id FROM inbox WHERE shop = $1 AND webhook_id = $2', [shop, webhookId]))!.id;
  await run(db, 'INSERT INTO deliveries (inbox_id, received_at, duplicate) VALUES ($1, $2, true)', [inboxId, nowIso]);
  await addEvidence(db, inboxId, 'duplicate_delivery', { webhookId, payloadHash }, nowIso);
  return { inboxId, duplicate: true };
}

/**
 * Group commit: the caller runs this in one transaction, so the 200 Shopify receives means the event
 * (a repeat: its delivery and evidence rows) is committed. One by one, so a webhook id repeated within the
 * batch is a duplicate too.
 */
export async function acceptDeliveries(db: Db, deliveries: readonly NewDelivery[], nowIso: string): Promise<AcceptedDelivery[]> {
  const accepted: AcceptedDelivery[] = [];
  for (const delivery of deliveries) accepted.push(await acceptOne(db, delivery, nowIso));
  return accepted;
}
