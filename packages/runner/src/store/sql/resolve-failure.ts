import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * A failure is resolved once none of its events is failed, pending or claimed any more: the retried
 * event applied (or was superseded, or skipped), or it failed again with a different problem.
 */
const RESOLVE = `UPDATE failures SET status = 'resolved', resolved_at = @now
  WHERE id = @failureId AND status IN ('open', 'retrying', 'ignored')
    AND NOT EXISTS (SELECT 1 FROM inbox WHERE failure_id = @failureId AND status IN ('failed', 'pending', 'claimed'))`;

export function resolveFailureIfSettled(db: Database.Database, failureId: number | null, nowIso: string): void {
  if (failureId === null) return;
  prepared(db, RESOLVE).run({ failureId, now: nowIso });
}

export function currentFailureOf(db: Database.Database, inboxId: number): number | null {
  const row = prepared(db, 'SELECT failure_id FROM inbox WHERE id = ?').get(inboxId) as { failure_id: number | null } | undefined;
  return row?.failure_id ?? null;
}
