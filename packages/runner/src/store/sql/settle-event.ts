import type Database from 'better-sqlite3';
import type { Claim, ParkedFailure, TerminalStatus } from '../store';

/** Every settle statement is fenced by the claim: a worker whose lease lapsed changes nothing. */
const FENCE = `id = @inboxId AND status = 'claimed' AND claimed_by = @workerId AND claim_token = @token`;

export function finishEvent(db: Database.Database, claim: Claim, status: TerminalStatus, reason: string | null, nowIso: string): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare(`UPDATE inbox SET status = @status, reason = @reason, finished_at = @now, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL WHERE ${FENCE}`)
      .run({ ...claim, status, reason, now: nowIso }).changes;
    if (changed === 1) {
      db.prepare('INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, ?, ?)').run(claim.inboxId, nowIso, 'result', JSON.stringify({ status, reason }));
    }
    return changed === 1;
  })();
}

export function scheduleEventRetry(db: Database.Database, claim: Claim, availableAtIso: string, reason: string, nowIso: string): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare(`UPDATE inbox SET status = 'pending', available_at = @availableAt, reason = @reason, claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL WHERE ${FENCE}`)
      .run({ ...claim, availableAt: availableAtIso, reason }).changes;
    if (changed === 1) {
      db.prepare('INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, ?, ?)').run(claim.inboxId, nowIso, 'retry_scheduled', JSON.stringify({ availableAt: availableAtIso, reason }));
    }
    return changed === 1;
  })();
}

export function parkEvent(db: Database.Database, claim: Claim, failure: ParkedFailure, nowIso: string): boolean {
  return db.transaction(() => {
    if (!finishEvent(db, claim, 'failed', failure.message, nowIso)) return false;
    db.prepare(
      `INSERT INTO failures (resource_key, inbox_id, code, category, retryable, message, details, created_at, last_seen_at)
       SELECT resource_key, id, @code, @category, @retryable, @message, @details, @now, @now FROM inbox WHERE id = @inboxId
       ON CONFLICT (resource_key, code) WHERE status = 'open'
       DO UPDATE SET inbox_id = excluded.inbox_id, message = excluded.message, details = excluded.details,
         occurrences = failures.occurrences + 1, last_seen_at = excluded.last_seen_at`,
    ).run({ inboxId: claim.inboxId, code: failure.code, category: failure.category, retryable: failure.retryable ? 1 : 0, message: failure.message, details: JSON.stringify(failure.details), now: nowIso });
    return true;
  })();
}
