import { MOOT_CODES, appliesLatestState, madeMoot, mootReason } from '../../moot-failures';
import { addEvidence } from './add-evidence';
import { one, rows, run, type Db } from './query';
import { resolveFailureIfSettled } from './resolve-failure';

const APPLIED = `SELECT i.topic, i.resource_key AS "resourceKey", v.version_ms AS "versionMs", v.snapshot
  FROM inbox i JOIN resource_versions v ON v.resource_key = i.resource_key WHERE i.id = $1`;

/** The order's parked events whose open failure has a code a full plan checks again (inbox_resource, then failures by id). */
const PARKED = `SELECT i.id AS "inboxId", i.topic, i.payload, i.refresh_first AS "refreshFirst", f.id AS "failureId", f.code
  FROM inbox i JOIN failures f ON f.id = i.failure_id
  WHERE i.resource_key = $1 AND i.status = 'failed' AND f.status = 'open' AND f.code = ANY($2::text[])
  ORDER BY i.id`;

const SUPERSEDE = `UPDATE inbox SET status = 'superseded', reason = $2, finished_at = $3, failure_id = NULL WHERE id = $1 AND status = 'failed'`;

interface ParkedRow {
  inboxId: number;
  topic: string;
  payload: string;
  refreshFirst: boolean;
  failureId: number;
  code: string;
}

/**
 * An order event just applied the order's latest state (moot-failures.ts, shared with the other
 * stores): its parked events whose cause that state proves gone are superseded, naming it, and their
 * failures resolved once nothing else holds them. Runs inside finishEvent's transaction.
 */
export async function supersedeMootFailures(db: Db, inboxId: number, nowIso: string): Promise<void> {
  const applied = await one<{ topic: string; resourceKey: string; versionMs: number; snapshot: string | null }>(db, APPLIED, [inboxId]);
  if (applied === undefined || !appliesLatestState(applied.topic)) return;
  const parked = await rows<ParkedRow>(db, PARKED, [applied.resourceKey, MOOT_CODES]);
  const moot = parked.filter((row) => madeMoot(row, applied));
  if (moot.length === 0) return;
  for (const row of moot) {
    const reason = mootReason(inboxId, applied.topic, row.code);
    await run(db, SUPERSEDE, [row.inboxId, reason, nowIso]);
    await addEvidence(db, row.inboxId, 'made_moot', { status: 'superseded', reason, byEvent: inboxId, failureId: row.failureId, code: row.code }, nowIso);
  }
  const failureIds = [...new Set(moot.map((row) => row.failureId))];
  // Locked in id order (resolveFailureIfSettled locks each), so two settles never wait on each other in a cycle.
  for (const failureId of [...failureIds].sort((a, b) => a - b)) await resolveFailureIfSettled(db, failureId, nowIso);
  await addEvidence(db, inboxId, 'resolved_moot', { events: moot.map((row) => row.inboxId), failures: failureIds }, nowIso);
}
