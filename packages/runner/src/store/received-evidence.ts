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

/** The evidence table's row and the inbox row's columns, as both SQL engines read them. */
export interface EvidenceRow {
  readonly id: number;
  readonly inbox_id: number;
  readonly at: string;
  readonly kind: string;
  readonly data: string;
}

export interface ReceivedRow {
  readonly received_at: string;
  readonly webhook_id: string;
  readonly event_id: string | null;
  readonly topic: string;
  readonly payload_hash: string;
  readonly api_version: string | null;
}

/** The SELECT of ReceivedRow's columns from the inbox. */
export const RECEIVED_COLUMNS = 'received_at, webhook_id, event_id, topic, payload_hash, api_version';

/** An event's trail from its stored evidence rows and its inbox row (none: the event is gone, and so is its trail). */
export function trailOf(inboxId: number, event: ReceivedRow | undefined, rows: readonly EvidenceRow[]): EvidenceRecord[] {
  const stored = rows.map((row) => ({ id: row.id, inboxId: row.inbox_id, at: row.at, kind: row.kind, data: JSON.parse(row.data) as unknown }));
  if (event === undefined) return stored;
  const { received_at, webhook_id, event_id, topic, payload_hash, api_version } = event;
  return withReceived({ inboxId, receivedAt: received_at, webhookId: webhook_id, eventId: event_id, topic, payloadHash: payload_hash, apiVersion: api_version }, stored);
}

/**
 * Every accepted delivery is counted: the first of each webhook id is its inbox row (no delivery row is
 * written for it since issue 15), each repeat a delivery row marked duplicate. Delivery rows an older
 * shopsync wrote for first deliveries are not counted again.
 */
export function countedDeliveries(byStatus: Readonly<Record<string, number>>, duplicates: number): number {
  return Object.values(byStatus).reduce((sum, n) => sum + n, 0) + duplicates;
}
