import type Database from 'better-sqlite3';
import { countedDeliveries } from '../received-evidence';
import { prepared } from './prepared';
import type { InboxCounts } from '../store-records';

export function inboxCounts(db: Database.Database): InboxCounts {
  const rows = prepared(db, 'SELECT status, COUNT(*) AS n FROM inbox GROUP BY status').all() as Array<{ status: string; n: number }>;
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
  const { dup } = prepared(db, 'SELECT COUNT(*) AS dup FROM deliveries WHERE duplicate = 1').get() as { dup: number };
  return {
    byStatus,
    deliveries: countedDeliveries(byStatus, dup),
    duplicateDeliveries: dup,
    unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0),
  };
}
