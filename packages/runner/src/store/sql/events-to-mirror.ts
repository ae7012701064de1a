import type Database from 'better-sqlite3';
import type { EventSummary } from '../store-records';
import { SUMMARY_COLUMNS, eventSummaryOf, type EventRow } from './event-row';
import { prepared } from './prepared';

/**
 * Settled events not yet mirrored, or settled again since they were; oldest first. The condition on
 * finished_at and mirrored_at is the partial index inbox_unmirrored's (migration 011), word for word,
 * so the query reads only the events waiting for the mirror.
 */
export const UNMIRRORED = `SELECT ${SUMMARY_COLUMNS} FROM inbox
  WHERE finished_at IS NOT NULL AND status NOT IN ('pending', 'claimed') AND (mirrored_at IS NULL OR mirrored_at < finished_at)
  ORDER BY id LIMIT @limit`;

export function eventsToMirror(db: Database.Database, limit: number): EventSummary[] {
  return (prepared(db, UNMIRRORED).all({ limit }) as EventRow[]).map(eventSummaryOf);
}

export function markMirrored(db: Database.Database, inboxIds: readonly number[], nowIso: string): void {
  const mark = prepared(db, 'UPDATE inbox SET mirrored_at = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of inboxIds) mark.run(nowIso, id);
  })();
}
