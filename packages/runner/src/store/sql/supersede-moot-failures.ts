import type Database from 'better-sqlite3';
import { MOOT_CODES, appliesLatestState, madeMoot, mootReason } from '../moot-failures';
import { addEvidence } from './add-evidence';
import { prepared } from './prepared';
import { resolveFailureIfSettled } from './resolve-failure';

const APPLIED = `SELECT i.topic, i.resource_key AS resourceKey, v.version_ms AS versionMs, v.snapshot
  FROM inbox i JOIN resource_versions v ON v.resource_key = i.resource_key WHERE i.id = ?`;

/**
 * The order's parked events whose open failure has a code a full plan checks again (inbox_resource,
 * then failures by id), with their payloads (their own table since migration 010).
 */
const PARKED = `SELECT i.id AS inboxId, i.topic, p.payload, i.refresh_first AS refreshFirst, f.id AS failureId, f.code
  FROM inbox i JOIN failures f ON f.id = i.failure_id JOIN inbox_payloads p ON p.inbox_id = i.id
  WHERE i.resource_key = @resourceKey AND i.status = 'failed' AND f.status = 'open' AND f.code IN (SELECT value FROM json_each(@codes))
  ORDER BY i.id`;

const SUPERSEDE = `UPDATE inbox SET status = 'superseded', reason = @reason, finished_at = @now, failure_id = NULL WHERE id = @inboxId AND status = 'failed'`;

interface ParkedRow {
  inboxId: number;
  topic: string;
  payload: string;
  refreshFirst: number;
  failureId: number;
  code: string;
}

/**
 * An order event just applied the order's latest state (moot-failures.ts): its parked events whose
 * cause that state proves gone are superseded, naming it, and their failures resolved once nothing
 * else holds them. Runs inside finishEvent's transaction, after the resource's version was advanced.
 */
export function supersedeMootFailures(db: Database.Database, inboxId: number, nowIso: string): void {
  const applied = prepared(db, APPLIED).get(inboxId) as { topic: string; resourceKey: string; versionMs: number; snapshot: string | null } | undefined;
  if (applied === undefined || !appliesLatestState(applied.topic)) return;
  const parked = prepared(db, PARKED).all({ resourceKey: applied.resourceKey, codes: JSON.stringify(MOOT_CODES) }) as ParkedRow[];
  const moot = parked.filter((row) => madeMoot({ ...row, refreshFirst: row.refreshFirst === 1 }, applied));
  if (moot.length === 0) return;
  for (const row of moot) {
    const reason = mootReason(inboxId, applied.topic, row.code);
    prepared(db, SUPERSEDE).run({ inboxId: row.inboxId, reason, now: nowIso });
    addEvidence(db, row.inboxId, 'made_moot', { status: 'superseded', reason, byEvent: inboxId, failureId: row.failureId, code: row.code }, nowIso);
  }
  const failureIds = [...new Set(moot.map((row) => row.failureId))];
  for (const failureId of failureIds) resolveFailureIfSettled(db, failureId, nowIso);
  addEvidence(db, inboxId, 'resolved_moot', { events: moot.map((row) => row.inboxId), failures: failureIds }, nowIso);
}
