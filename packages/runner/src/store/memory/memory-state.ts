import type { FailureCategory } from '@shopsync/core';
import type { EventRecord, EventSummary, FailureRecord, FailureStatus } from '../store-records';

/** The instants of the rows are ISO-8601 text, as in SQLite, so both stores compare them alike. */
export const iso = (date: Date): string => date.toISOString();

/** The rows of the in-memory store, shaped like the SQL tables so both stores behave alike. */
export type MemEventState = { -readonly [K in keyof EventRecord]: EventRecord[K] } & {
  claimedBy: string | null;
  claimToken: string | null;
  claimExpiresAt: string | null;
  failureId: number | null;
  /** requeue-event.ts: plan from Shopify's latest state first. */
  refreshFirst: boolean;
  retryingSince: string | null;
  /** events-to-mirror.ts: when the Sync Log last showed this event. */
  mirroredAt: string | null;
};

export interface MemFailure {
  id: number;
  inboxId: number;
  resourceKey: string;
  code: string;
  category: FailureCategory;
  retryable: boolean;
  message: string;
  /** Serialised, as a database would keep it. */
  details: string;
  status: FailureStatus;
  occurrences: number;
  createdAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
}

export interface MemEvidence {
  readonly id: number;
  readonly inboxId: number;
  readonly at: string;
  readonly kind: string;
  readonly data: string;
}

export class MemoryState {
  readonly events = new Map<number, MemEventState>();
  readonly webhookIds = new Map<string, number>();
  readonly deliveries: Array<{ inboxId: number; receivedAt: string; duplicate: boolean }> = [];
  readonly evidence: MemEvidence[] = [];
  readonly operations = new Map<string, { doctype: string; name: string; revision: string | null; inboxId: number; resourceKey: string | null }>();
  readonly versions = new Map<string, { version: string; versionMs: number; snapshot: string }>();
  readonly failures = new Map<number, MemFailure>();
  readonly stockCursors = new Map<string, { creation: string | null; seen: ReadonlyArray<{ name: string; creation: string }> }>();
  readonly stockPushes: Array<{ shop: string; inventoryItemId: string; locationId: string; quantity: number; at: string }> = [];
  private ids = { event: 0, evidence: 0, failure: 0 };

  nextId(kind: 'event' | 'evidence' | 'failure'): number {
    this.ids[kind] += 1;
    return this.ids[kind];
  }

  addEvidence(inboxId: number, kind: string, data: unknown, at: string): void {
    this.evidence.push({ id: this.nextId('evidence'), inboxId, at, kind, data: JSON.stringify(data) });
  }

  /** claim-next-event.ts: an expired claim first, else the event due longest, whose resource is not blocked. */
  claimable(nowIso: string): MemEventState | undefined {
    const events = [...this.events.values()];
    const blocked = (event: MemEventState) =>
      events.some(
        (other) =>
          other.resourceKey === event.resourceKey &&
          other.id !== event.id &&
          ((other.status === 'claimed' && ((other.claimExpiresAt ?? '') > nowIso || other.id < event.id)) || (other.status === 'pending' && other.id < event.id && other.availableAt <= nowIso)),
      );
    const expired = events
      .filter((event) => event.status === 'claimed' && (event.claimExpiresAt ?? '') <= nowIso && !blocked(event))
      .sort((a, b) => (a.claimExpiresAt ?? '').localeCompare(b.claimExpiresAt ?? ''));
    if (expired[0] !== undefined) return expired[0];
    const due = events.filter((event) => event.status === 'pending' && event.availableAt <= nowIso && !blocked(event));
    return due.sort((a, b) => a.availableAt.localeCompare(b.availableAt) || a.id - b.id)[0];
  }

  /** resolve-failure.ts: resolved once none of its events is failed, pending or claimed. */
  resolveIfSettled(failureId: number | null, nowIso: string): void {
    if (failureId === null) return;
    const failure = this.failures.get(failureId);
    if (failure === undefined || failure.status === 'resolved') return;
    const holding = [...this.events.values()].some((event) => event.failureId === failureId && ['failed', 'pending', 'claimed'].includes(event.status));
    if (!holding) {
      failure.status = 'resolved';
      failure.resolvedAt = nowIso;
    }
  }

  liveFailure(resourceKey: string, code: string, except?: number): MemFailure | undefined {
    return [...this.failures.values()].find(
      (failure) => failure.resourceKey === resourceKey && failure.code === code && failure.id !== except && (failure.status === 'open' || failure.status === 'retrying'),
    );
  }

  failureRecord(failure: MemFailure): FailureRecord {
    const { details, ...rest } = failure;
    return { ...rest, topic: this.events.get(failure.inboxId)?.topic ?? '', details: JSON.parse(details) as Record<string, unknown> };
  }
}

/** The columns of an event that list-events.ts and events-to-mirror.ts select. */
export function eventSummary(event: MemEventState): EventSummary {
  const { id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason } = event;
  return { id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason };
}
