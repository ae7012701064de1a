import type { EventSummary } from '../../store-records';
import { SUMMARY_COLUMNS, eventSummaryOf, type EventRow } from '../../sql/event-row';
import { rows, run, type Db } from './query';

/**
 * Settled events not yet mirrored, or settled again since they were; oldest first. The condition on
 * finished_at and mirrored_at is the partial index inbox_unmirrored's (migration 011), word for word,
 * so the query reads only the events waiting for the mirror.
 */
export const UNMIRRORED = `SELECT ${SUMMARY_COLUMNS} FROM inbox
  WHERE finished_at IS NOT NULL AND status NOT IN ('pending', 'claimed') AND (mirrored_at IS NULL OR mirrored_at < finished_at)
  ORDER BY id LIMIT $1`;

export async function eventsToMirror(db: Db, limit: number): Promise<EventSummary[]> {
  return (await rows<EventRow>(db, UNMIRRORED, [limit])).map(eventSummaryOf);
}

/** One statement, so one transaction, for the whole batch. */
export async function markMirrored(db: Db, inboxIds: readonly number[], nowIso: string): Promise<void> {
  if (inboxIds.length > 0) await run(db, 'UPDATE inbox SET mirrored_at = $1 WHERE id = ANY($2::bigint[])', [nowIso, inboxIds]);
}
