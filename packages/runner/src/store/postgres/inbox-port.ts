import type { InboxPort } from '../ports/inbox-port';
import { iso, type PgConnection } from './pg-connection';
import { acceptDeliveries, acceptOne } from './sql/accept-delivery';
import { knownWebhookIds } from './sql/known-webhook-ids';
import { recordFinding } from './sql/record-finding';

export function postgresInboxPort(conn: PgConnection): InboxPort {
  return {
    acceptDelivery: (delivery, now) => conn.tx((db) => acceptOne(db, delivery, iso(now))),
    acceptDeliveries: async (deliveries, now) => (deliveries.length === 0 ? [] : conn.tx((db) => acceptDeliveries(db, deliveries, iso(now)))),
    knownWebhookIds: (shop, webhookIds) => conn.read((db) => knownWebhookIds(db, shop, webhookIds)),
    recordFinding: (delivery, failure, now) => conn.tx((db) => recordFinding(db, delivery, failure, iso(now))),
  };
}
