import { SHADOW_REASON_PREFIX, type ShadowPlanRecord } from '../../store-records';
import { rows, type Db } from './query';

// The latest plan of each event: a replayed event is planned again, and its last plan is what shadow
// mode would do now. The same statement as the SQLite store's, the prefix bound as a parameter.
const SHADOW_PLANS = `SELECT i.id, i.topic, i.reason, e.data FROM inbox i
  JOIN evidence e ON e.id = (SELECT MAX(p.id) FROM evidence p WHERE p.inbox_id = i.id AND p.kind = 'plan')
  WHERE i.status = 'skipped' AND i.reason LIKE $1
  ORDER BY i.id`;

/** Events that shadow mode finished without writing, each with the plan it recorded. */
export async function shadowPlans(db: Db): Promise<ShadowPlanRecord[]> {
  const found = await rows<{ id: number; topic: string; reason: string; data: string }>(db, SHADOW_PLANS, [`${SHADOW_REASON_PREFIX}%`]);
  return found.map((row) => ({ inboxId: row.id, topic: row.topic, reason: row.reason, plan: JSON.parse(row.data) as unknown }));
}
