import type Database from 'better-sqlite3';
import type { FailureStatus } from '../store-records';
import { prepared } from './prepared';

/** Moves a failure from one status to the next; false when it was not in `from` any more. */
export function setFailureStatus(db: Database.Database, failureId: number, from: FailureStatus, to: FailureStatus): boolean {
  return prepared(db, 'UPDATE failures SET status = @to WHERE id = @failureId AND status = @from').run({ failureId, from, to }).changes === 1;
}

/** Another live (open or retrying) failure for the same resource and problem, which a retry would clash with. */
export function liveTwinOf(db: Database.Database, failureId: number): number | null {
  const row = prepared(
    db,
    `SELECT o.id FROM failures f JOIN failures o ON o.resource_key = f.resource_key AND o.code = f.code AND o.id <> f.id
     WHERE f.id = ? AND o.status IN ('open', 'retrying')`,
  ).get(failureId) as { id: number } | undefined;
  return row?.id ?? null;
}
