import type { TopicSuccess } from '../../store-records';
import { rows, type Db } from './query';

const LAST_APPLIED = `SELECT topic, MAX(finished_at) AS at FROM inbox WHERE status = 'applied' GROUP BY topic ORDER BY topic COLLATE "C"`;

/** Grouped by topic, not by flow: the topic prefix is cut in TypeScript, as in the SQLite store. */
export async function lastApplied(db: Db): Promise<TopicSuccess[]> {
  return (await rows<{ topic: string; at: string }>(db, LAST_APPLIED)).map((row) => ({ topic: row.topic, lastAppliedAt: row.at }));
}
