import type { EventRecord, EventSummary, EvidenceRecord } from '../store/store';
import { withOrderName } from '@shopsync/core';
import { payloadSubject, referenceOf, subjectFields } from './mirror-subject';

const withSnapshotName = (subject: ReturnType<typeof payloadSubject>, snapshot: string | null) => (subject === null ? null : withOrderName(subject, snapshot));

/** The companion app's Sync Log statuses (frappe_app/shopsync/rules.py SYNC_LOG_STATUSES). */
export function syncLogStatus(event: EventSummary): string {
  if (event.status === 'skipped' && (event.reason ?? '').startsWith('shadow mode')) return 'Shadow';
  return event.status.charAt(0).toUpperCase() + event.status.slice(1);
}

/**
 * One entry of `shopsync.api.record_sync_logs` (frappe_app/shopsync/log_entries.py): the event, its
 * final status and its evidence trail, so an operator can read in the Desk what shopsync received,
 * decided, sent and how it ended. The payload itself stays in the runner's store; its hash goes along,
 * and so does what it is about in words (its subject, Shopify id and admin page).
 */
export function syncLogEntry(event: EventSummary, evidence: readonly EvidenceRecord[], stored: Pick<EventRecord, 'topic' | 'payload' | 'payloadHash'> | null, orderSnapshot: string | null = null) {
  const payloadHash = stored?.payloadHash ?? null;
  return {
    // The delivery id, not the inbox row id: two runners (or a rebuilt state file) never collide.
    event_id: `${event.shop}/${event.webhookId}`.slice(0, 140),
    shop: event.shop,
    topic: event.topic,
    resource_key: event.resourceKey.slice(0, 140),
    webhook_id: event.webhookId.slice(0, 140),
    status: syncLogStatus(event),
    ...(event.reason === null ? {} : { reason: event.reason }),
    received_at: event.receivedAt,
    ...(event.finishedAt === null ? {} : { finished_at: event.finishedAt }),
    ...(payloadHash === null ? {} : { payload_hash: payloadHash }),
    ...subjectFields(withSnapshotName(payloadSubject(stored), orderSnapshot), event.shop),
    ...referenceOf(evidence),
    evidence: evidence.map((row) => ({ at: row.at, kind: row.kind, data: row.data })),
  };
}
