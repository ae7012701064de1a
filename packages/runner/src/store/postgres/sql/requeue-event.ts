import type { EventAction, RequeueOutcome } from '../../operator-actions';
import { addEvidence } from './add-evidence';
import { one, type Db } from './query';

/**
 * Sets a settled event back to pending, due now, with its attempts reset. The same row goes back: an
 * event is never copied, so pressing retry twice leaves one pending event, and the second press
 * (the event is pending or claimed already) changes nothing.
 */
const REQUEUE = `UPDATE inbox SET status = 'pending', attempts = 0, retrying_since = NULL, available_at = $2, reason = NULL, finished_at = NULL,
    refresh_first = ($3::text = 'requeue'),
    claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL
  WHERE id = $1 AND status NOT IN ('pending', 'claimed')
  RETURNING id`;

/** Inside the caller's transaction; the row is locked first, so the status read is the one replaced. */
export async function requeueEvent(db: Db, inboxId: number, action: EventAction, nowIso: string, data: Record<string, unknown> = {}): Promise<RequeueOutcome> {
  const before = await one<{ status: string }>(db, 'SELECT status FROM inbox WHERE id = $1 FOR UPDATE', [inboxId]);
  if (before === undefined) return 'not_found';
  if ((await one(db, REQUEUE, [inboxId, nowIso, action])) === undefined) return 'already_pending';
  await addEvidence(db, inboxId, action, { previousStatus: before.status, ...data }, nowIso);
  return 'requeued';
}
