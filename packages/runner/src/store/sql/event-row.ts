import type { EventRecord, EventStatus, EventSummary } from '../store-records';

/** The inbox columns the operator reads, and their mapping to the read models. */
export const SUMMARY_COLUMNS = 'id, shop, webhook_id, topic, resource_key, status, attempts, received_at, available_at, finished_at, reason';
export const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, event_id, triggered_at, api_version, payload, payload_hash`;

export interface EventRow {
  id: number;
  shop: string;
  webhook_id: string;
  topic: string;
  resource_key: string;
  status: string;
  attempts: number;
  received_at: string;
  available_at: string;
  finished_at: string | null;
  reason: string | null;
}

export interface EventRecordRow extends EventRow {
  event_id: string | null;
  triggered_at: string | null;
  api_version: string | null;
  payload: string;
  payload_hash: string;
}

export function eventSummaryOf(row: EventRow): EventSummary {
  return {
    id: row.id,
    shop: row.shop,
    webhookId: row.webhook_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    status: row.status as EventStatus,
    attempts: row.attempts,
    receivedAt: row.received_at,
    availableAt: row.available_at,
    finishedAt: row.finished_at,
    reason: row.reason,
  };
}

export function eventRecordOf(row: EventRecordRow): EventRecord {
  return {
    ...eventSummaryOf(row),
    eventId: row.event_id,
    triggeredAt: row.triggered_at,
    apiVersion: row.api_version,
    payload: row.payload,
    payloadHash: row.payload_hash,
  };
}
