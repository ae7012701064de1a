import type Database from 'better-sqlite3';
import type { EventRecord } from '../store-records';
import { RECORD_COLUMNS, eventRecordOf, type EventRecordRow } from './event-row';
import { prepared } from './prepared';

export function getEvent(db: Database.Database, inboxId: number): EventRecord | null {
  const row = prepared(db, `SELECT ${RECORD_COLUMNS} FROM inbox WHERE id = ?`).get(inboxId) as EventRecordRow | undefined;
  return row === undefined ? null : eventRecordOf(row);
}
