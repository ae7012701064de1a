import type { EvidenceRecord } from './store-records';

/** The inbox row's columns that say how its event arrived. */
export interface ReceivedColumns {
  readonly inboxId: number;
  readonly receivedAt: string;
  readonly webhookId: string;
  readonly eventId: string | null;
  readonly topic: string;
  readonly payloadHash: string;
  readonly apiVersion: string | null;
}

/**
 * An event's trail starts with how it was received. The inbox row holds all of it (webhook id, event
 * id, topic, payload hash, API version, when), so accepting a webhook writes no evidence row of its own
 * (issue 15: one row fewer, and two index entries, per webhook); the trail's first record is read from
 * the row. Events accepted by an older shopsync kept a stored `received` row: that one is shown as is.
 * Its id is 0, before every stored row's.
 */
export function withReceived(event: ReceivedColumns, stored: readonly EvidenceRecord[]): EvidenceRecord[] {
  if (stored[0]?.kind === 'received') return [...stored];
  const { webhookId, eventId, topic, payloadHash, apiVersion } = event;
  const received: EvidenceRecord = { id: 0, inboxId: event.inboxId, at: event.receivedAt, kind: 'received', data: { webhookId, eventId, topic, payloadHash, apiVersion } };
  return [received, ...stored];
}

/**
 * Every accepted delivery is counted: the first of each webhook id is its inbox row (no delivery row is
 * written for it since issue 15), each repeat a delivery row marked duplicate. Delivery rows an older
 * shopsync wrote for first deliveries are not counted again.
 */
export function countedDeliveries(byStatus: Readonly<Record<string, number>>, duplicates: number): number {
  return Object.values(byStatus).reduce((sum, n) => sum + n, 0) + duplicates;
}
