import type { FailureCategory } from '@shopsync/core';
import type { EventAction, FailureAction, FailureActionResult, RequeueOutcome } from './operator-actions';
import type {
  EventFilter,
  EventRecord,
  EventSummary,
  EvidenceRecord,
  FailureCount,
  FailureDetail,
  FailureFilter,
  FailureRecord,
  InboxCounts,
  PruneResult,
  ShadowPlanRecord,
  TerminalStatus,
  TopicSuccess,
} from './store-records';

export * from './store-records';
export * from './operator-actions';

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

/** Fences every write a worker makes about a claimed event (STYLE C10). */
export interface Claim {
  readonly inboxId: number;
  readonly workerId: string;
  readonly token: string;
}

export interface ClaimedEvent {
  readonly claim: Claim;
  readonly shop: string;
  readonly webhookId: string;
  readonly topic: string;
  readonly resourceKey: string;
  readonly payload: string;
  /** Including this one. */
  readonly attempts: number;
  /** An operator requeued it: plan from Shopify's latest state of the resource, not the stored payload. */
  readonly refreshFirst: boolean;
  /** When the current series of retries began (its first failure), or null: the retry budget counts from it. */
  readonly retryingSince: Date | null;
}

/**
 * Why an event is put back without spending an attempt: it waits for another event of its order
 * (woken when one settles), or a dependency is down (claimed again once the outage breaker closes).
 */
export type DeferKind = 'waiting' | 'outage';

export interface ParkedFailure {
  readonly code: string;
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

export interface AppliedOperation {
  readonly doctype: string;
  readonly name: string;
  /** The content digest the document holds, for documents that follow later changes (Revision). */
  readonly revision?: string | null;
}

/**
 * The state store port (DESIGN §5). SQLite is the embedded default; the interface is async so that a
 * PostgreSQL store can implement it later and run the same contract battery
 * (test/support/store-contract.ts). Methods taking a Claim return false, and change nothing, when the
 * claim expired or another worker took the event over.
 */
export interface Store {
  acceptDelivery(delivery: NewDelivery, now: Date): Promise<AcceptedDelivery>;
  /**
   * Group commit: every delivery in one transaction, results in the same order. A webhook id seen
   * earlier in the same batch is a duplicate, exactly as if it had come in an earlier batch.
   */
  acceptDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<AcceptedDelivery[]>;
  claimNext(workerId: string, token: string, now: Date, leaseMs: number): Promise<ClaimedEvent | null>;
  /** Settles the event; the other pending events of its resource become due now (one may have waited for it). */
  finish(claim: Claim, status: Exclude<TerminalStatus, 'failed'>, reason: string | null, now: Date): Promise<boolean>;
  /** Back to pending at `availableAt`; the first retry of a series starts its retry budget. */
  scheduleRetry(claim: Claim, availableAt: Date, reason: string, now: Date): Promise<boolean>;
  /**
   * Back to pending at `availableAt` without spending the attempt. A `waiting` event starts its retry
   * budget (an order that never arrives must surface some day); an `outage` does not touch it.
   */
  deferEvent(claim: Claim, kind: DeferKind, availableAt: Date, reason: string, now: Date): Promise<boolean>;
  park(claim: Claim, failure: ParkedFailure, now: Date): Promise<boolean>;
  addEvidence(inboxId: number, kind: string, data: unknown, now: Date): Promise<void>;
  findOperation(key: string): Promise<AppliedOperation | null>;
  recordOperation(key: string, operation: AppliedOperation, inboxId: number, now: Date): Promise<void>;
  /** The newest Shopify version (updated_at) applied for a resource, and the payload that carried it. */
  resourceVersion(resourceKey: string): Promise<{ version: string | null; snapshot: string | null }>;
  /** Moves the version forward (never back), keeping the payload as the resource's latest state. */
  advanceVersion(resourceKey: string, version: string, snapshot: string, now: Date): Promise<void>;

  /** Operator reads: newest events first. */
  listEvents(filter: EventFilter): Promise<EventSummary[]>;
  /** Settled events whose latest status ERPNext's Sync Log does not show yet, oldest first. */
  eventsToMirror(limit: number): Promise<EventSummary[]>;
  markMirrored(inboxIds: readonly number[], now: Date): Promise<void>;
  getEvent(inboxId: number): Promise<EventRecord | null>;
  /** The evidence trail of one event, in the order it was written. */
  evidence(inboxId: number): Promise<EvidenceRecord[]>;
  failures(filter: FailureFilter): Promise<FailureRecord[]>;
  getFailure(failureId: number): Promise<FailureDetail | null>;
  failureCounts(): Promise<FailureCount[]>;
  /** When an event of each topic was last applied (a flow is a topic prefix). */
  lastApplied(): Promise<TopicSuccess[]>;
  counts(): Promise<InboxCounts>;
  /** What shadow mode would have done: every event it skipped, with its recorded plan, oldest first. */
  shadowPlans(): Promise<ShadowPlanRecord[]>;
  /** The ones of these webhook ids (of one shop) the inbox holds, so a backfill can skip them unread. */
  knownWebhookIds(shop: string, webhookIds: readonly string[]): Promise<string[]>;

  /**
   * A finding made outside a webhook (reconciliation's drift): the event is stored and parked with
   * its failure in one transaction, so it is listed, mirrored to Sync Failure and requeued like any
   * parked event. A webhook id already held records nothing (recorded: false).
   */
  recordFinding(delivery: NewDelivery, failure: ParkedFailure, now: Date): Promise<{ readonly inboxId: number; readonly recorded: boolean }>;

  /** Operator writes: each is one transaction and safe to repeat. */
  requeueEvent(inboxId: number, action: EventAction, now: Date): Promise<RequeueOutcome>;
  actOnFailure(failureId: number, action: FailureAction, now: Date): Promise<FailureActionResult>;

  /**
   * Retention: removes settled events (not failed ones) that finished before `olderThan`, with their
   * evidence and deliveries, and resolved failures resolved before it. Failed events, open, retrying
   * and ignored failures stay until an operator acts on them.
   */
  pruneEvidence(olderThan: Date): Promise<PruneResult>;
  /** Throws when the store cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
