import type { FailureCategory } from '@shopsync/core';

/** What the operator reads: the read models of the store (events, evidence, failures, counts). */

export const TERMINAL_STATUSES = ['applied', 'duplicate', 'superseded', 'echo', 'skipped', 'failed'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export const EVENT_STATUSES = ['pending', 'claimed', ...TERMINAL_STATUSES] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** open → retrying → resolved (its events no longer fail) or back to open; ignored by the operator. */
export const FAILURE_STATUSES = ['open', 'retrying', 'resolved', 'ignored'] as const;
export type FailureStatus = (typeof FAILURE_STATUSES)[number];

export interface EventSummary {
  readonly id: number;
  readonly shop: string;
  readonly webhookId: string;
  readonly topic: string;
  readonly resourceKey: string;
  readonly status: EventStatus;
  readonly attempts: number;
  readonly receivedAt: string;
  readonly availableAt: string;
  readonly finishedAt: string | null;
  readonly reason: string | null;
}

export interface EventRecord extends EventSummary {
  readonly eventId: string | null;
  readonly triggeredAt: string | null;
  readonly apiVersion: string | null;
  readonly payload: string;
  readonly payloadHash: string;
}

export interface EvidenceRecord {
  readonly id: number;
  readonly inboxId: number;
  readonly at: string;
  readonly kind: string;
  readonly data: unknown;
}

export interface EventFilter {
  readonly status?: string;
  readonly topic?: string;
  /** Newest first; at most this many (default 50). */
  readonly limit?: number;
}

export interface FailureFilter {
  readonly status?: string;
  readonly category?: string;
  readonly code?: string;
}

export interface FailureRecord {
  readonly id: number;
  /** The latest event that hit this problem. */
  readonly inboxId: number;
  readonly topic: string;
  readonly resourceKey: string;
  readonly code: string;
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly status: FailureStatus;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly resolvedAt: string | null;
  /** Events that hit this same problem while it was open. */
  readonly occurrences: number;
}

export interface FailureDetail extends FailureRecord {
  /** Every event parked with this failure, oldest first. */
  readonly eventIds: readonly number[];
}

export interface InboxCounts {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  /** Events not yet terminal: pending (including waiting for a retry) or claimed. */
  readonly unfinished: number;
}

export interface FailureCount {
  readonly category: FailureCategory;
  readonly status: FailureStatus;
  readonly count: number;
}

export interface TopicSuccess {
  readonly topic: string;
  readonly lastAppliedAt: string;
}

export interface PruneResult {
  readonly events: number;
  /** Evidence rows deleted (an event's `received` record is its row: not among them). */
  readonly evidence: number;
  /** Deliveries of the deleted events, counted as InboxCounts counts them: each event once, and each repeat. */
  readonly deliveries: number;
  readonly failures: number;
}

/** The worker finishes a shadow-mode event as skipped with a reason starting so, after recording its plan. */
export const SHADOW_REASON_PREFIX = 'shadow mode (';

/** An event shadow mode finished without writing, with the plan it recorded (its latest, if replayed). */
export interface ShadowPlanRecord {
  readonly inboxId: number;
  readonly topic: string;
  /** "shadow mode (<flow>): …", as the worker wrote it. */
  readonly reason: string;
  readonly plan: unknown;
}
