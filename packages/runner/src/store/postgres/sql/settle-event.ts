import type { Claim, DeferKind } from '../../ports/claim-port';
import type { TerminalStatus } from '../../store-records';
import { addEvidence } from './add-evidence';
import { run, type Db } from './query';
import { currentFailureOf, resolveFailureIfSettled } from './resolve-failure';
import { supersedeMootFailures } from './supersede-moot-failures';

/** Every settle statement is fenced by the claim ($1 id, $2 worker, $3 token): a worker whose lease lapsed changes nothing. */
export const FENCE = `id = $1 AND status = 'claimed' AND claimed_by = $2 AND claim_token = $3`;

const fenceOf = (claim: Claim): unknown[] => [claim.inboxId, claim.workerId, claim.token];

const FINISH = `UPDATE inbox SET status = $4::text, reason = $5::text, finished_at = $6::timestamptz, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  failure_id = CASE WHEN $4::text = 'failed' THEN failure_id ELSE NULL END
  WHERE ${FENCE}`;

/**
 * A settled event may be what its order's other events waited for (a payment waits for its order):
 * they become due now instead of at their backoff time. Waking one early costs one claim at most.
 */
const WAKE_SIBLINGS = `UPDATE inbox SET available_at = $2::timestamptz
  WHERE resource_key = (SELECT resource_key FROM inbox WHERE id = $1) AND status = 'pending' AND available_at > $2::timestamptz`;

/**
 * Settles a claimed event, inside the caller's transaction; a failure it was being retried for is
 * resolved when nothing else holds it open, and an applied order event supersedes the parked events
 * it made moot (supersede-moot-failures.ts).
 */
export async function finishEvent(db: Db, claim: Claim, status: TerminalStatus, reason: string | null, nowIso: string): Promise<boolean> {
  const previousFailure = await currentFailureOf(db, claim.inboxId);
  if ((await run(db, FINISH, [...fenceOf(claim), status, reason, nowIso])) !== 1) return false;
  await addEvidence(db, claim.inboxId, 'result', { status, reason }, nowIso);
  if (status !== 'failed') {
    await resolveFailureIfSettled(db, previousFailure, nowIso);
    if (status === 'applied') await supersedeMootFailures(db, claim.inboxId, nowIso);
    await run(db, WAKE_SIBLINGS, [claim.inboxId, nowIso]);
  }
  return true;
}

const RETRY = `UPDATE inbox SET status = 'pending', available_at = $4::timestamptz, reason = $5::text, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  retrying_since = COALESCE(retrying_since, $6::timestamptz)
  WHERE ${FENCE}`;

export async function scheduleEventRetry(db: Db, claim: Claim, availableAtIso: string, reason: string, nowIso: string): Promise<boolean> {
  const changed = await run(db, RETRY, [...fenceOf(claim), availableAtIso, reason, nowIso]);
  if (changed === 1) await addEvidence(db, claim.inboxId, 'retry_scheduled', { availableAt: availableAtIso, reason }, nowIso);
  return changed === 1;
}

const DEFER = `UPDATE inbox SET status = 'pending', available_at = $4::timestamptz, reason = $5::text, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL,
  attempts = GREATEST(attempts - 1, 0), retrying_since = CASE WHEN $6::text = 'waiting' THEN COALESCE(retrying_since, $7::timestamptz) ELSE retrying_since END
  WHERE ${FENCE}`;

/** Puts a claimed event back without spending its attempt (store.ts DeferKind). */
export async function deferClaimedEvent(db: Db, claim: Claim, kind: DeferKind, availableAtIso: string, reason: string, nowIso: string): Promise<boolean> {
  const changed = await run(db, DEFER, [...fenceOf(claim), availableAtIso, reason, kind, nowIso]);
  if (changed === 1) await addEvidence(db, claim.inboxId, 'deferred', { kind, availableAt: availableAtIso, reason }, nowIso);
  return changed === 1;
}
