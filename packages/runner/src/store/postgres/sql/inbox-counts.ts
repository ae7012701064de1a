import type { InboxCounts } from '../../store-records';
import { one, rows, type Db } from './query';

export async function inboxCounts(db: Db): Promise<InboxCounts> {
  const counted = await rows<{ status: string; n: number }>(db, 'SELECT status, COUNT(*) AS n FROM inbox GROUP BY status');
  const byStatus = Object.fromEntries(counted.map((row) => [row.status, row.n]));
  const deliveries = (await one<{ n: number; dup: number }>(db, 'SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE duplicate) AS dup FROM deliveries'))!;
  return {
    byStatus,
    deliveries: deliveries.n,
    duplicateDeliveries: deliveries.dup,
    unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0),
  };
}
