import type { FailureCount } from '../../store-records';
import { rows, type Db } from './query';

// COLLATE "C": byte order, as SQLite sorts text, whatever the database's collation.
const COUNTS = 'SELECT category, status, COUNT(*) AS n FROM failures GROUP BY category, status ORDER BY category COLLATE "C", status COLLATE "C"';

export async function failureCounts(db: Db): Promise<FailureCount[]> {
  const counted = await rows<{ category: FailureCount['category']; status: FailureCount['status']; n: number }>(db, COUNTS);
  return counted.map((row) => ({ category: row.category, status: row.status, count: row.n }));
}
