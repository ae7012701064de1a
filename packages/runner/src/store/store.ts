import type { FailureCategory } from '@shopsync/core';

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
}

export const TERMINAL_STATUSES = ['applied', 'duplicate', 'superseded', 'echo', 'skipped', 'failed'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type EventStatus = 'pending' | 'claimed' | TerminalStatus;

export interface ParkedFailure {
  readonly code: string;
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

export interface FailureRecord extends ParkedFailure {
  readonly id: number;
  readonly inboxId: number;
  readonly topic: string;
  readonly resourceKey: string;
  readonly status: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Events that hit this same problem while it was open. */
  readonly occurrences: number;
}

export interface AppliedOperation {
  readonly doctype: string;
  readonly name: string;
}

export interface InboxCounts {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  /** Events not yet terminal: pending (including waiting for a retry) or claimed. */
  readonly unfinished: number;
}

/**
 * The state store port (DESIGN §5). SQLite is the embedded default; the interface is async so that a
 * PostgreSQL store can implement it later and run the same contract battery. Methods taking a Claim
 * return false, and change nothing, when the claim expired or another worker took the event over.
 */
export interface Store {
  acceptDelivery(delivery: NewDelivery, now: Date): Promise<AcceptedDelivery>;
  claimNext(workerId: string, token: string, now: Date, leaseMs: number): Promise<ClaimedEvent | null>;
  finish(claim: Claim, status: Exclude<TerminalStatus, 'failed'>, reason: string | null, now: Date): Promise<boolean>;
  scheduleRetry(claim: Claim, availableAt: Date, reason: string, now: Date): Promise<boolean>;
  park(claim: Claim, failure: ParkedFailure, now: Date): Promise<boolean>;
  addEvidence(inboxId: number, kind: string, data: unknown, now: Date): Promise<void>;
  findOperation(key: string): Promise<AppliedOperation | null>;
  recordOperation(key: string, operation: AppliedOperation, inboxId: number, now: Date): Promise<void>;
  /** The newest Shopify version (updated_at) applied for a resource, and the payload that carried it. */
  resourceVersion(resourceKey: string): Promise<{ version: string | null; snapshot: string | null }>;
  /** Moves the version forward (never back), keeping the payload as the resource's latest state. */
  advanceVersion(resourceKey: string, version: string, snapshot: string, now: Date): Promise<void>;
  failures(filter: { status?: string }): Promise<FailureRecord[]>;
  counts(): Promise<InboxCounts>;
  close(): Promise<void>;
}
