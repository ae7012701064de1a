import type Database from 'better-sqlite3';
import type { EventAction, RequeueOutcome } from '../operator-actions';
import { addEvidence } from './add-evidence';
import { prepared } from './prepared';

/**
 * Sets a settled event back to pending, due now, with its attempts reset. The same row goes back: an
 * event is never copied, so pressing retry twice leaves one pending event, and the second press
 * (the event is pending or claimed already) changes nothing.
 */
const REQUEUE = `UPDATE inbox SET status = 'pending', attempts = 0, retrying_since = NULL, available_at = @now, reason = NULL, finished_at = NULL,
    refresh_first = CASE WHEN @action = 'requeue' THEN 1 ELSE 0 END,
    claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL
  WHERE id = @inboxId AND status NOT IN ('pending', 'claimed')
  RETURNING id`;

export function requeueEvent(db: Database.Database, inboxId: number, action: EventAction, nowIso: string, data: Record<string, unknown> = {}): RequeueOutcome {
  return db.transaction((): RequeueOutcome => {
    const before = prepared(db, 'SELECT status FROM inbox WHERE id = ?').get(inboxId) as { status: string } | undefined;
    if (before === undefined) return 'not_found';
    if (prepared(db, REQUEUE).get({ inboxId, now: nowIso, action }) === undefined) return 'already_pending';
    addEvidence(db, inboxId, action, { previousStatus: before.status, ...data }, nowIso);
    return 'requeued';
  })();
}
