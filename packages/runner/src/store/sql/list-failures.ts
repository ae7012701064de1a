import type Database from 'better-sqlite3';
import type { FailureDetail, FailureFilter, FailureRecord } from '../store-records';
import { FAILURE_SELECT as SELECT, failureOf, type FailureRow } from './failure-row';
import { prepared } from './prepared';

export function listFailures(db: Database.Database, filter: FailureFilter): FailureRecord[] {
  const rows = prepared(
    db,
    `${SELECT} WHERE (@status IS NULL OR f.status = @status) AND (@category IS NULL OR f.category = @category) AND (@code IS NULL OR f.code = @code)
     ORDER BY f.id`,
  ).all({ status: filter.status ?? null, category: filter.category ?? null, code: filter.code ?? null }) as FailureRow[];
  return rows.map(failureOf);
}

export function getFailure(db: Database.Database, failureId: number): FailureDetail | null {
  const row = prepared(db, `${SELECT} WHERE f.id = ?`).get(failureId) as FailureRow | undefined;
  if (row === undefined) return null;
  const events = prepared(db, 'SELECT id FROM inbox WHERE failure_id = ? ORDER BY id').all(failureId) as Array<{ id: number }>;
  return { ...failureOf(row), eventIds: events.map((event) => event.id) };
}
