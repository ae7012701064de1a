import type { EventRecord } from '../../store-records';
import { RECORD_COLUMNS, eventRecordOf, type EventRecordRow } from '../../sql/event-row';
import { one, type Db } from './query';

export async function getEvent(db: Db, inboxId: number): Promise<EventRecord | null> {
  const row = await one<EventRecordRow>(db, `SELECT ${RECORD_COLUMNS} FROM inbox WHERE id = $1`, [inboxId]);
  return row === undefined ? null : eventRecordOf(row);
}
