import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import type { InboxCounts } from '../store-records';

export function inboxCounts(db: Database.Database): InboxCounts {
  const rows = prepared(db, 'SELECT status, COUNT(*) AS n FROM inbox GROUP BY status').all() as Array<{ status: string; n: number }>;
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
  const deliveries = prepared(db, 'SELECT COUNT(*) AS n, COALESCE(SUM(duplicate), 0) AS dup FROM deliveries').get() as { n: number; dup: number };
  return {
    byStatus,
    deliveries: deliveries.n,
    duplicateDeliveries: deliveries.dup,
    unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0),
  };
}
