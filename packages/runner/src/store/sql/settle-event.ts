import type Database from 'better-sqlite3';
import type { Claim, DeferKind } from '../ports/claim-port';
import type { TerminalStatus } from '../store-records';
import { addEvidence } from './add-evidence';
import { prepared } from './prepared';
import { currentFailureOf, resolveFailureIfSettled } from './resolve-failure';
import { supersedeMootFailures } from './supersede-moot-failures';

/** Every settle statement is fenced by the claim: a worker whose lease lapsed changes nothing. */
export const FENCE = `id = @inboxId AND status = 'claimed' AND claimed_by = @workerId AND claim_token = @token`;

const FINISH = `UPDATE inbox SET status = @status, reason = @reason, finished_at = @now, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  failure_id = CASE WHEN @status = 'failed' THEN failure_id ELSE NULL END
  WHERE ${FENCE}`;

/**
 * Settles a claimed event; a failure it was being retried for is resolved when nothing else holds it
 * open, and an applied order event supersedes the parked events it made moot (supersede-moot-failures.ts).
 */
export function finishEvent(db: Database.Database, claim: Claim, status: TerminalStatus, reason: string | null, nowIso: string): boolean {
  return db.transaction(() => {
    const previousFailure = currentFailureOf(db, claim.inboxId);
    const changed = prepared(db, FINISH).run({ ...claim, status, reason, now: nowIso }).changes;
    if (changed !== 1) return false;
    addEvidence(db, claim.inboxId, 'result', { status, reason }, nowIso);
    if (status !== 'failed') {
      resolveFailureIfSettled(db, previousFailure, nowIso);
      if (status === 'applied') supersedeMootFailures(db, claim.inboxId, nowIso);
      prepared(db, WAKE_SIBLINGS).run({ inboxId: claim.inboxId, now: nowIso });
    }
    return true;
  })();
}

/**
 * A settled event may be what its order's other events waited for (a payment waits for its order):
 * they become due now instead of at their backoff time. Waking one early costs one claim at most.
 */
const WAKE_SIBLINGS = `UPDATE inbox SET available_at = @now
  WHERE resource_key = (SELECT resource_key FROM inbox WHERE id = @inboxId) AND status = 'pending' AND available_at > @now`;

const RETRY = `UPDATE inbox SET status = 'pending', available_at = @availableAt, reason = @reason, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  retrying_since = COALESCE(retrying_since, @now)
  WHERE ${FENCE}`;

export function scheduleEventRetry(db: Database.Database, claim: Claim, availableAtIso: string, reason: string, nowIso: string): boolean {
  return db.transaction(() => {
    const changed = prepared(db, RETRY).run({ ...claim, availableAt: availableAtIso, reason, now: nowIso }).changes;
    if (changed === 1) addEvidence(db, claim.inboxId, 'retry_scheduled', { availableAt: availableAtIso, reason }, nowIso);
    return changed === 1;
  })();
}

const DEFER = `UPDATE inbox SET status = 'pending', available_at = @availableAt, reason = @reason, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  attempts = MAX(attempts - 1, 0), retrying_since = CASE WHEN @kind = 'waiting' THEN COALESCE(retrying_since, @now) ELSE retrying_since END
  WHERE ${FENCE}`;

/** Puts a claimed event back without spending its attempt (store.ts DeferKind). */
export function deferClaimedEvent(db: Database.Database, claim: Claim, kind: DeferKind, availableAtIso: string, reason: string, nowIso: string): boolean {
  return db.transaction(() => {
    const changed = prepared(db, DEFER).run({ ...claim, kind, availableAt: availableAtIso, reason, now: nowIso }).changes;
    if (changed === 1) addEvidence(db, claim.inboxId, 'deferred', { kind, availableAt: availableAtIso, reason }, nowIso);
    return changed === 1;
  })();
}
