import { one, run, type Db } from './query';

/**
 * A failure is resolved once none of its events is failed, pending or claimed any more: the retried
 * event applied (or was superseded, or skipped), or it failed again with a different problem.
 */
const RESOLVE = `UPDATE failures SET status = 'resolved', resolved_at = $2
  WHERE id = $1 AND status IN ('open', 'retrying', 'ignored')
    AND NOT EXISTS (SELECT 1 FROM inbox WHERE failure_id = $1 AND status IN ('failed', 'pending', 'claimed'))`;

/**
 * The failure row is locked first, then checked in a statement of its own. Two processes settling the
 * last two events of one failure at once would otherwise each see the other's event still claimed
 * (neither committed) and neither resolve it. Locked, the second waits for the first to commit, and
 * its next statement (READ COMMITTED: a new snapshot) sees both events settled.
 */
export async function resolveFailureIfSettled(db: Db, failureId: number | null, nowIso: string): Promise<void> {
  if (failureId === null) return;
  await run(db, 'SELECT id FROM failures WHERE id = $1 FOR UPDATE', [failureId]);
  await run(db, RESOLVE, [failureId, nowIso]);
}

export async function currentFailureOf(db: Db, inboxId: number): Promise<number | null> {
  return (await one<{ failure_id: number | null }>(db, 'SELECT failure_id FROM inbox WHERE id = $1', [inboxId]))?.failure_id ?? null;
}
