import { countedDeliveries } from '../../received-evidence';
import type { InboxCounts } from '../../store-records';
import { one, rows, type Db } from './query';

export async function inboxCounts(db: Db): Promise<InboxCounts> {
  const counted = await rows<{ status: string; n: number }>(db, 'SELECT status, COUNT(*) AS n FROM inbox GROUP BY status');
  const byStatus = Object.fromEntries(counted.map((row) => [row.status, row.n]));
  const { dup } = (await one<{ dup: number }>(db, 'SELECT COUNT(*) AS dup FROM deliveries WHERE duplicate'))!;
  return {
    byStatus,
    deliveries: countedDeliveries(byStatus, dup),
    duplicateDeliveries: dup,
    unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0),
  };
}
