import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import { resourceVersion } from './resource-versions';
import type { ClaimedEvent } from '../ports/claim-port';
import { storedResource } from '../stored-resource';

/**
 * Nothing of the same resource may run first: no other live claim, and no older event that is
 * claimed or due. Two NOT EXISTS, each an equality on (resource_key, status) plus a range on id, so
 * both are index searches on inbox_resource (an OR across statuses made SQLite scan the resource).
 */
const UNBLOCKED = `
  NOT EXISTS (SELECT 1 FROM inbox o WHERE o.resource_key = i.resource_key AND o.status = 'claimed' AND o.id <> i.id AND (o.claim_expires_at > @now OR o.id < i.id))
  AND NOT EXISTS (SELECT 1 FROM inbox o WHERE o.resource_key = i.resource_key AND o.status = 'pending' AND o.id < i.id AND o.available_at <= @now)`;

/** A claim whose worker died: taken over first, so a crash never holds its order back for long. */
const EXPIRED = `SELECT i.id FROM inbox i WHERE i.status = 'claimed' AND i.claim_expires_at <= @now AND ${UNBLOCKED} ORDER BY i.claim_expires_at LIMIT 1`;

/**
 * The event due longest: served in index order by inbox_ready (status, available_at, id), so a claim
 * costs O(log n) plus the few due events of resources that are busy, at any backlog. (Ordering by id
 * made SQLite sort every due row: 240–290 ms per claim at 100k pending.) Arrival order within one
 * order is the UNBLOCKED rule's job, not the sort's.
 */
const DUE = `SELECT i.id FROM inbox i WHERE i.status = 'pending' AND i.available_at <= @now AND ${UNBLOCKED} ORDER BY i.available_at, i.id LIMIT 1`;

/** The payload is read from its own table (migration 010), by the inbox id: one primary-key lookup. */
const TAKE = `
UPDATE inbox SET status = 'claimed', claimed_by = @workerId, claim_token = @token, claim_expires_at = @expiresAt, attempts = attempts + 1
WHERE id = @id
RETURNING id, shop, webhook_id, topic, resource_key, (SELECT p.payload FROM inbox_payloads p WHERE p.inbox_id = inbox.id) AS payload, attempts, refresh_first, retrying_since`;

interface ClaimedRow {
  id: number;
  shop: string;
  webhook_id: string;
  topic: string;
  resource_key: string;
  payload: string;
  attempts: number;
  refresh_first: number;
  retrying_since: string | null;
}

/** The statements a claim runs, for tests that read their query plans. */
export const CLAIM_QUERIES = { expired: EXPIRED, due: DUE } as const;

/**
 * Claims the event due longest whose resource has nothing else running or due before it, so the
 * events of one order are applied one at a time and in arrival order while different orders run in
 * parallel. An event waiting for its retry does not hold the others back (plans are made from the
 * latest state), and an expired claim is claimable again. One IMMEDIATE transaction: two runner
 * processes on one file cannot take the same event.
 */
export function claimNextEvent(db: Database.Database, args: { workerId: string; token: string; nowIso: string; expiresAtIso: string }): ClaimedEvent | null {
  const take = db.transaction((): { row: ClaimedRow; applied: ClaimedEvent['applied'] } | undefined => {
    const found = (prepared(db, EXPIRED).get({ now: args.nowIso }) ?? prepared(db, DUE).get({ now: args.nowIso })) as { id: number } | undefined;
    if (found === undefined) return undefined;
    const row = prepared(db, TAKE).get({ id: found.id, workerId: args.workerId, token: args.token, expiresAt: args.expiresAtIso }) as ClaimedRow;
    return { row, applied: resourceVersion(db, row.resource_key) };
  });
  const taken = take.immediate();
  if (taken === undefined) return null;
  const { row, applied } = taken;
  return {
    claim: { inboxId: row.id, workerId: args.workerId, token: args.token },
    shop: row.shop,
    webhookId: row.webhook_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    resource: storedResource(row.shop, row.resource_key),
    payload: row.payload,
    attempts: row.attempts,
    refreshFirst: row.refresh_first === 1,
    retryingSince: row.retrying_since === null ? null : new Date(row.retrying_since),
    applied,
  };
}
