import type { ParkedFailure } from './claim-port';

/** A verified delivery, about to be stored. */
export interface NewDelivery {
  readonly shop: string;
  readonly webhookId: string;
  readonly topic: string;
  readonly eventId: string | null;
  readonly triggeredAt: string | null;
  readonly apiVersion: string | null;
  readonly resourceKey: string;
  /** The raw body exactly as received (ids above 2^53 survive only as text). */
  readonly payload: string;
  readonly payloadHash: string;
}

export interface AcceptedDelivery {
  readonly inboxId: number;
  readonly duplicate: boolean;
}

/**
 * What puts events into the inbox: the ingress (webhooks), the backfill and reconciliation. Every
 * path dedupes on (shop, webhook id), so a delivery stored twice is one event.
 */
export interface InboxPort {
  acceptDelivery(delivery: NewDelivery, now: Date): Promise<AcceptedDelivery>;
  /**
   * Group commit: every delivery in one transaction, results in the same order. A webhook id seen
   * earlier in the same batch is a duplicate, exactly as if it had come in an earlier batch.
   */
  acceptDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<AcceptedDelivery[]>;
  /** The ones of these webhook ids (of one shop) the inbox holds, so a backfill can skip them unread. */
  knownWebhookIds(shop: string, webhookIds: readonly string[]): Promise<string[]>;
  /**
   * A finding made outside a webhook (reconciliation's drift): the event is stored and parked with
   * its failure in one transaction, so it is listed, mirrored to Sync Failure and requeued like any
   * parked event. A webhook id already held records nothing (recorded: false).
   */
  recordFinding(delivery: NewDelivery, failure: ParkedFailure, now: Date): Promise<{ readonly inboxId: number; readonly recorded: boolean }>;
}
