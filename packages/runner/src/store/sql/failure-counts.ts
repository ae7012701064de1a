import type Database from 'better-sqlite3';
import type { FailureCount } from '../store-records';
import { prepared } from './prepared';

export function failureCounts(db: Database.Database): FailureCount[] {
  return (
    prepared(db, 'SELECT category, status, COUNT(*) AS n FROM failures GROUP BY category, status ORDER BY category, status').all() as Array<{
      category: FailureCount['category'];
      status: FailureCount['status'];
      n: number;
    }>
  ).map((row) => ({ category: row.category, status: row.status, count: row.n }));
}
