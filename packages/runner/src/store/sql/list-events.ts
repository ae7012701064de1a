import type Database from 'better-sqlite3';
import type { EventFilter, EventSummary } from '../store-records';
import { SUMMARY_COLUMNS, eventSummaryOf, type EventRow } from './event-row';
import { prepared } from './prepared';

export const DEFAULT_EVENT_LIMIT = 50;

const LIST = `SELECT ${SUMMARY_COLUMNS} FROM inbox
  WHERE (@status IS NULL OR status = @status) AND (@topic IS NULL OR topic = @topic)
  ORDER BY id DESC LIMIT @limit`;

/** Newest first, so `events list` shows what just happened. */
export function listEvents(db: Database.Database, filter: EventFilter): EventSummary[] {
  const rows = prepared(db, LIST).all({ status: filter.status ?? null, topic: filter.topic ?? null, limit: filter.limit ?? DEFAULT_EVENT_LIMIT }) as EventRow[];
  return rows.map(eventSummaryOf);
}
