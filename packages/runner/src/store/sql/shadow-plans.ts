import type Database from 'better-sqlite3';
import { SHADOW_REASON_PREFIX, type ShadowPlanRecord } from '../store-records';
import { prepared } from './prepared';

// The latest plan of each event: a replayed event is planned again, and its last plan is what shadow
// mode would do now. Plain SQL (a correlated MAX), so a PostgreSQL store can run the same statement.
const SHADOW_PLANS = `SELECT i.id, i.topic, i.reason, e.data FROM inbox i
  JOIN evidence e ON e.id = (SELECT MAX(p.id) FROM evidence p WHERE p.inbox_id = i.id AND p.kind = 'plan')
  WHERE i.status = 'skipped' AND i.reason LIKE '${SHADOW_REASON_PREFIX}%'
  ORDER BY i.id`;

/** Events that shadow mode finished without writing, each with the plan it recorded. */
export function shadowPlans(db: Database.Database): ShadowPlanRecord[] {
  const rows = prepared(db, SHADOW_PLANS).all() as Array<{ id: number; topic: string; reason: string; data: string }>;
  return rows.map((row) => ({ inboxId: row.id, topic: row.topic, reason: row.reason, plan: JSON.parse(row.data) as unknown }));
}
