import { findFailureCode } from '@shopsync/core';
import type { EventRecord, EvidenceRecord, FailureRecord } from '../store/store';
import { documentRef, referenceOf, shopOf, storedSubject, subjectFields } from './mirror-subject';

const DATA_MAX = 140;

/** Identifies one runner failure in ERPNext (Sync Failure.failure_key, unique), whichever runner sent it. */
export function failureKey(failure: FailureRecord): string {
  return `${failure.resourceKey}|${failure.code}|${failure.createdAt}`.slice(0, DATA_MAX);
}

/** What makes a failure worth sending again: its status, how often it happened, and when last. */
export function failureSignature(failure: FailureRecord): string {
  return `${failure.status}|${failure.occurrences}|${failure.lastSeenAt}`;
}

/**
 * One entry of `shopsync.api.record_sync_failures` (frappe_app/shopsync/failure_entries.py): the
 * failure as the runner holds it, its state (open, retrying, resolved, ignored) for the app's status
 * machine, the Sync Log event_id of the latest event that hit it, what it is about in words (the
 * subject its sentence names, its Shopify id and admin page), and the ERPNext document it is about:
 * the one that blocked it (a conflict's details name it), else the one its event's trail made.
 */
export function syncFailureEntry(failure: FailureRecord, event: EventRecord | null, evidence: readonly EvidenceRecord[] = []) {
  // Only rows with a sentence of their own suggest one; the category's is too general to store.
  const action = findFailureCode(failure.code)?.action;
  const reference = documentRef(failure.details.doctype, failure.details.name) ?? referenceOf(evidence);
  return {
    failure_key: failureKey(failure),
    state: failure.status,
    code: failure.code.slice(0, DATA_MAX),
    category: failure.category,
    message: failure.message,
    ...(action === undefined ? {} : { suggested_action: action }),
    retry_safe: failure.retryable,
    attempts: failure.occurrences,
    event_id: event === null ? null : `${event.shop}/${event.webhookId}`.slice(0, DATA_MAX),
    topic: failure.topic.slice(0, DATA_MAX),
    ...(event === null ? {} : { shop: event.shop.slice(0, DATA_MAX) }),
    resource_key: failure.resourceKey.slice(0, DATA_MAX),
    ...subjectFields(storedSubject(failure.details.subject), shopOf(event, failure.resourceKey)),
    ...reference,
    first_seen: failure.createdAt,
    last_seen: failure.lastSeenAt,
    details: failure.details,
  };
}
