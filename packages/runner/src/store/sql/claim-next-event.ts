import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import type { ClaimedEvent } from '../store';

/**
 * Claims the oldest ready event whose resource has no other live claim and no older event that is
 * due, so the events of one order are applied one at a time and in arrival order, while events of
 * different orders run in parallel. An event waiting for its retry does not hold the others back:
 * plans are made from the latest state, so order is not needed for correctness, and a payment that
 * waits for its order must not stop the order from arriving. An expired claim is claimable again.
 */
const CLAIM = `
UPDATE inbox
SET status = 'claimed', claimed_by = @workerId, claim_token = @token, claim_expires_at = @expiresAt, attempts = attempts + 1
WHERE id = (
  SELECT i.id FROM inbox i
  WHERE ((i.status = 'pending' AND i.available_at <= @now) OR (i.status = 'claimed' AND i.claim_expires_at <= @now))
    AND NOT EXISTS (
      SELECT 1 FROM inbox o
      WHERE o.resource_key = i.resource_key AND o.id <> i.id
        AND ((o.status = 'claimed' AND o.claim_expires_at > @now) OR (o.id < i.id AND (o.status = 'claimed' OR (o.status = 'pending' AND o.available_at <= @now))))
    )
  ORDER BY i.id
  LIMIT 1
)
RETURNING id, shop, webhook_id, topic, resource_key, payload, attempts, refresh_first`;

interface ClaimedRow {
  id: number;
  shop: string;
  webhook_id: string;
  topic: string;
  resource_key: string;
  payload: string;
  attempts: number;
  refresh_first: number;
}

export function claimNextEvent(db: Database.Database, args: { workerId: string; token: string; nowIso: string; expiresAtIso: string }): ClaimedEvent | null {
  const row = prepared(db, CLAIM).get({ workerId: args.workerId, token: args.token, now: args.nowIso, expiresAt: args.expiresAtIso }) as ClaimedRow | undefined;
  if (row === undefined) return null;
  return {
    claim: { inboxId: row.id, workerId: args.workerId, token: args.token },
    shop: row.shop,
    webhookId: row.webhook_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    payload: row.payload,
    attempts: row.attempts,
    refreshFirst: row.refresh_first === 1,
  };
}
