import type Database from 'better-sqlite3';
import type { Claim, ParkedFailure } from '../ports/claim-port';
import { prepared } from './prepared';
import { currentFailureOf, resolveFailureIfSettled } from './resolve-failure';
import { finishEvent } from './settle-event';

/**
 * One live failure per resource and code: a second event hitting the same problem, or a retried event
 * failing the same way again, is one more occurrence of the same row, which is (re)opened.
 */
const UPSERT_FAILURE = `INSERT INTO failures (resource_key, inbox_id, code, category, retryable, message, details, status, created_at, last_seen_at)
  SELECT resource_key, id, @code, @category, @retryable, @message, @details, 'open', @now, @now FROM inbox WHERE id = @inboxId
  ON CONFLICT (resource_key, code) WHERE status IN ('open', 'retrying')
  DO UPDATE SET status = 'open', inbox_id = excluded.inbox_id, message = excluded.message, details = excluded.details,
    occurrences = failures.occurrences + 1, last_seen_at = excluded.last_seen_at
  RETURNING id`;

export function parkEvent(db: Database.Database, claim: Claim, failure: ParkedFailure, nowIso: string): boolean {
  return db.transaction(() => {
    const previousFailure = currentFailureOf(db, claim.inboxId);
    if (!finishEvent(db, claim, 'failed', failure.message, nowIso)) return false;
    const { id } = prepared(db, UPSERT_FAILURE).get({
      inboxId: claim.inboxId,
      code: failure.code,
      category: failure.category,
      retryable: failure.retryable ? 1 : 0,
      message: failure.message,
      details: JSON.stringify(failure.details),
      now: nowIso,
    }) as { id: number };
    prepared(db, 'UPDATE inbox SET failure_id = ? WHERE id = ?').run(id, claim.inboxId);
    if (previousFailure !== id) resolveFailureIfSettled(db, previousFailure, nowIso);
    return true;
  })();
}
