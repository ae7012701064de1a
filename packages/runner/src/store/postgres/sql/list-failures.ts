import type { FailureDetail, FailureFilter, FailureRecord } from '../../store-records';
import { FAILURE_SELECT as SELECT, failureOf, type FailureRow } from '../../sql/failure-row';
import { one, rows, type Db } from './query';

export async function listFailures(db: Db, filter: FailureFilter): Promise<FailureRecord[]> {
  const found = await rows<FailureRow>(
    db,
    `${SELECT} WHERE ($1::text IS NULL OR f.status = $1) AND ($2::text IS NULL OR f.category = $2) AND ($3::text IS NULL OR f.code = $3)
     ORDER BY f.id`,
    [filter.status ?? null, filter.category ?? null, filter.code ?? null],
  );
  return found.map(failureOf);
}

export async function getFailure(db: Db, failureId: number): Promise<FailureDetail | null> {
  const row = await one<FailureRow>(db, `${SELECT} WHERE f.id = $1`, [failureId]);
  if (row === undefined) return null;
  const events = await rows<{ id: number }>(db, 'SELECT id FROM inbox WHERE failure_id = $1 ORDER BY id', [failureId]);
  return { ...failureOf(row), eventIds: events.map((event) => event.id) };
}
