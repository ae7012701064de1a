import type Database from 'better-sqlite3';
import type { InboxPort } from '../ports/inbox-port';
import { acceptDeliveries } from '../sql/accept-delivery';
import { knownWebhookIds } from '../sql/known-webhook-ids';
import { recordFinding } from '../sql/record-finding';
import { iso } from './sqlite-connection';

export function sqliteInboxPort(db: Database.Database): InboxPort {
  return {
    acceptDelivery: async (delivery, now) => acceptDeliveries(db, [delivery], iso(now))[0]!,
    acceptDeliveries: async (deliveries, now) => acceptDeliveries(db, deliveries, iso(now)),
    knownWebhookIds: async (shop, webhookIds) => knownWebhookIds(db, shop, webhookIds),
    recordFinding: async (delivery, failure, now) => recordFinding(db, delivery, failure, iso(now)),
  };
}
