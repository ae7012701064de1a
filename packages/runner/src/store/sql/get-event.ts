import type Database from 'better-sqlite3';
import type { EventRecord } from '../store-records';
import { RECORD_COLUMNS, eventRecordOf, type EventRecordRow } from './event-row';
import { prepared } from './prepared';

/** The payload is in its own table (migration 010); the other columns are the inbox row's. */
const GET = `SELECT ${RECORD_COLUMNS} FROM inbox JOIN inbox_payloads ON inbox_payloads.inbox_id = inbox.id WHERE inbox.id = ?`;

export function getEvent(db: Database.Database, inboxId: number): EventRecord | null {
  const row = prepared(db, GET).get(inboxId) as EventRecordRow | undefined;
  return row === undefined ? null : eventRecordOf(row);
}
