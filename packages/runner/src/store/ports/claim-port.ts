import type { FailureCategory, ResourceKey } from '@shopsync/core';
import type { TerminalStatus } from '../store-records';
import type { LedgerWrite } from './ledger-port';

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
  /** The resource's key as the inbox stores it: the text the store's calls take. */
  readonly resourceKey: string;
  /** The same key as a value, read once where the store maps its row: the worker never parses the text. */
  readonly resource: ResourceKey;
  readonly payload: string;
  /** Including this one. */
  readonly attempts: number;
  /** An operator requeued it: plan from Shopify's latest state of the resource, not the stored payload. */
  readonly refreshFirst: boolean;
  /** When the current series of retries began (its first failure), or null: the retry budget counts from it. */
  readonly retryingSince: Date | null;
  /**
   * The resource's newest applied version and its snapshot (LedgerPort.resourceVersion), read in the
   * claim's transaction: no other event of the resource runs while this one is claimed, so it stays
   * current until this event moves it, and the worker needs no round trip of its own to read it.
   */
  readonly applied: { readonly version: string | null; readonly snapshot: string | null };
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

/**
 * The worker's side of the inbox: lease an event, then settle it. Every method taking a Claim
 * returns false, and changes nothing about the event, when the claim expired or another worker took
 * the event over. Each settle takes the ledger writes the worker kept of the event (`writes`,
 * LedgerPort.recordAll's): they are made first, in the same transaction, held claim or not (they say
 * what ERPNext holds), so an event is never settled without them.
 */
export interface ClaimPort {
  claimNext(workerId: string, token: string, now: Date, leaseMs: number): Promise<ClaimedEvent | null>;
  /** Settles the event; the other pending events of its resource become due now (one may have waited for it). */
  finish(claim: Claim, status: Exclude<TerminalStatus, 'failed'>, reason: string | null, now: Date, writes?: readonly LedgerWrite[]): Promise<boolean>;
  /** Back to pending at `availableAt`; the first retry of a series starts its retry budget. */
  scheduleRetry(claim: Claim, availableAt: Date, reason: string, now: Date, writes?: readonly LedgerWrite[]): Promise<boolean>;
  /**
   * Back to pending at `availableAt` without spending the attempt. A `waiting` event starts its retry
   * budget (an order that never arrives must surface some day); an `outage` does not touch it.
   */
  deferEvent(claim: Claim, kind: DeferKind, availableAt: Date, reason: string, now: Date, writes?: readonly LedgerWrite[]): Promise<boolean>;
  park(claim: Claim, failure: ParkedFailure, now: Date, writes?: readonly LedgerWrite[]): Promise<boolean>;
}
