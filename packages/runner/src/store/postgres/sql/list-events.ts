import type { EventFilter, EventSummary } from '../../store-records';
import { SUMMARY_COLUMNS, eventSummaryOf, type EventRow } from '../../sql/event-row';
import { DEFAULT_EVENT_LIMIT } from '../../sql/list-events';
import { rows, type Db } from './query';

// The inbox columns and their mapping are the SQLite store's (sql/event-row.ts): the rows read the
// same, ids as numbers and instants as ISO text (pg-connection.ts).
const LIST = `SELECT ${SUMMARY_COLUMNS} FROM inbox
  WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR topic = $2)
  ORDER BY id DESC LIMIT $3`;

/** Newest first, so `events list` shows what just happened. */
export async function listEvents(db: Db, filter: EventFilter): Promise<EventSummary[]> {
  return (await rows<EventRow>(db, LIST, [filter.status ?? null, filter.topic ?? null, filter.limit ?? DEFAULT_EVENT_LIMIT])).map(eventSummaryOf);
}
