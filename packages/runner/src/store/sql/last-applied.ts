import type Database from 'better-sqlite3';
import type { TopicSuccess } from '../store-records';
import { prepared } from './prepared';

/** Grouped by topic, not by flow: the topic prefix is cut in TypeScript, which keeps the SQL portable. */
export function lastApplied(db: Database.Database): TopicSuccess[] {
  return (
    prepared(db, "SELECT topic, MAX(finished_at) AS at FROM inbox WHERE status = 'applied' GROUP BY topic ORDER BY topic").all() as Array<{ topic: string; at: string }>
  ).map((row) => ({ topic: row.topic, lastAppliedAt: row.at }));
}
