import type { Claim, ParkedFailure } from '../../ports/claim-port';
import { addEvidence } from './add-evidence';
import { one, run, type Db } from './query';
import { currentFailureOf, resolveFailureIfSettled } from './resolve-failure';
import { finishEvent } from './settle-event';

/**
 * One live failure per resource and code: a second event hitting the same problem, or a retried event
 * failing the same way again, is one more occurrence of the same row, which is (re)opened.
 */
const UPSERT_FAILURE = `INSERT INTO failures (resource_key, inbox_id, code, category, retryable, message, details, status, created_at, last_seen_at)
  SELECT resource_key, id, $2, $3, $4, $5, $6, 'open', $7, $7 FROM inbox WHERE id = $1
  ON CONFLICT (resource_key, code) WHERE status IN ('open', 'retrying')
  DO UPDATE SET status = 'open', inbox_id = EXCLUDED.inbox_id, message = EXCLUDED.message, details = EXCLUDED.details,
    occurrences = failures.occurrences + 1, last_seen_at = EXCLUDED.last_seen_at
  RETURNING id`;

/** Parks a claimed event (inside the caller's transaction): it ends failed, with its failure recorded. */
export async function parkEvent(db: Db, claim: Claim, failure: ParkedFailure, nowIso: string): Promise<boolean> {
  const previousFailure = await currentFailureOf(db, claim.inboxId);
  if (!(await finishEvent(db, claim, 'failed', failure.message, nowIso))) return false;
  await attachFailure(db, claim.inboxId, failure, previousFailure, nowIso);
  return true;
}

/** The failure an event just failed with becomes its failure; the one it failed with before is resolved if nothing else holds it. */
async function attachFailure(db: Db, inboxId: number, failure: ParkedFailure, previousFailure: number | null, nowIso: string): Promise<void> {
  const { code, category, retryable, message, details } = failure;
  const { id } = (await one<{ id: number }>(db, UPSERT_FAILURE, [inboxId, code, category, retryable, message, JSON.stringify(details), nowIso]))!;
  await run(db, 'UPDATE inbox SET failure_id = $2 WHERE id = $1', [inboxId, id]);
  if (previousFailure !== id) await resolveFailureIfSettled(db, previousFailure, nowIso);
}

const FAIL_PENDING = `UPDATE inbox SET status = 'failed', reason = $2, finished_at = $3, attempts = attempts + 1
  WHERE id = $1 AND status = 'pending'`;

/**
 * Parks an event that was never claimed (a reconcile finding, stored and parked in one transaction):
 * the same rows as a claim and a park, without passing through `claimed`, which the unique index
 * inbox_one_claim_per_resource would refuse while a worker holds another event of the same resource.
 */
export async function parkUnclaimedEvent(db: Db, inboxId: number, failure: ParkedFailure, nowIso: string): Promise<boolean> {
  if ((await run(db, FAIL_PENDING, [inboxId, failure.message, nowIso])) !== 1) return false;
  await addEvidence(db, inboxId, 'result', { status: 'failed', reason: failure.message }, nowIso);
  await attachFailure(db, inboxId, failure, null, nowIso);
  return true;
}
