import type { ClaimedEvent } from '../../ports/claim-port';
import { storedResource } from '../../stored-resource';
import { one, run, type Db } from './query';
import { resourceVersion } from './resource-versions';

/**
 * The claim rule of sql/claim-next-event.ts, word for word: nothing of the same resource may run
 * first, i.e. no other live claim, and no older event that is claimed or due. $1 is now; $2 the
 * resources this claim already lost to another process (see claimNextEvent), skipped.
 */
const UNBLOCKED = `
  NOT EXISTS (SELECT 1 FROM inbox o WHERE o.resource_key = i.resource_key AND o.status = 'claimed' AND o.id <> i.id AND (o.claim_expires_at > $1::timestamptz OR o.id < i.id))
  AND NOT EXISTS (SELECT 1 FROM inbox o WHERE o.resource_key = i.resource_key AND o.status = 'pending' AND o.id < i.id AND o.available_at <= $1::timestamptz)
  AND i.resource_key <> ALL ($2::text[])`;

/**
 * A claim whose worker died: taken over first, so a crash never holds its order back for long.
 * FOR UPDATE SKIP LOCKED: a row another process is claiming right now is passed over, not waited for.
 */
const EXPIRED = `SELECT i.id, i.resource_key FROM inbox i WHERE i.status = 'claimed' AND i.claim_expires_at <= $1::timestamptz AND ${UNBLOCKED}
  ORDER BY i.claim_expires_at LIMIT 1 FOR UPDATE OF i SKIP LOCKED`;

/** The event due longest, in index order of inbox_ready (status, available_at, id), as in SQLite. */
const DUE = `SELECT i.id, i.resource_key FROM inbox i WHERE i.status = 'pending' AND i.available_at <= $1::timestamptz AND ${UNBLOCKED}
  ORDER BY i.available_at, i.id LIMIT 1 FOR UPDATE OF i SKIP LOCKED`;

/**
 * A newer event of the resource whose claim expired while this older one waited for its retry: the
 * unique index allows one claimed row per resource, so it goes back to pending (it is blocked behind
 * this one anyway, and is taken over after it). Its lapsed worker can no longer settle it.
 */
const RELEASE_LAPSED = `UPDATE inbox SET status = 'pending', claimed_by = NULL, claim_token = NULL, claim_expires_at = NULL
  WHERE resource_key = $1 AND status = 'claimed' AND id <> $2 AND claim_expires_at <= $3::timestamptz`;

const TAKE = `UPDATE inbox SET status = 'claimed', claimed_by = $2, claim_token = $3, claim_expires_at = $4::timestamptz, attempts = attempts + 1
  WHERE id = $1
  RETURNING id, shop, webhook_id, topic, resource_key, payload, attempts, refresh_first, retrying_since`;

interface ClaimedRow {
  id: number;
  shop: string;
  webhook_id: string;
  topic: string;
  resource_key: string;
  payload: string;
  attempts: number;
  refresh_first: boolean;
  retrying_since: string | null;
}

/** The statements a claim runs to find its event, for tests that read their query plans. */
export const POSTGRES_CLAIM_QUERIES = { expired: EXPIRED, due: DUE } as const;

// unique_violation of inbox_one_claim_per_resource: another process claimed an event of the same
// resource after this transaction's snapshot was taken.
const UNIQUE_VIOLATION = '23505';
// Resources lost to other processes before this claim gives up and reports nothing due (the worker polls again).
const MAX_LOST = 16;

/**
 * Claims the event due longest whose resource has nothing else running or due before it, inside the
 * caller's transaction. Several processes claim at once: SKIP LOCKED keeps two of them off the same
 * row, and the unique index keeps them off the same resource when their snapshots (READ COMMITTED)
 * both found a different event of it unblocked. The loser's update waits for the winner to commit,
 * fails, is rolled back to the savepoint, and the claim moves on to another resource.
 */
export async function claimNextEvent(db: Db, args: { workerId: string; token: string; nowIso: string; expiresAtIso: string }): Promise<ClaimedEvent | null> {
  const lost: string[] = [];
  while (lost.length < MAX_LOST) {
    const found =
      (await one<{ id: number; resource_key: string }>(db, EXPIRED, [args.nowIso, lost])) ?? (await one<{ id: number; resource_key: string }>(db, DUE, [args.nowIso, lost]));
    if (found === undefined) return null;
    await db.query('SAVEPOINT claim');
    try {
      await run(db, RELEASE_LAPSED, [found.resource_key, found.id, args.nowIso]);
      const row = (await one<ClaimedRow>(db, TAKE, [found.id, args.workerId, args.token, args.expiresAtIso]))!;
      await db.query('RELEASE SAVEPOINT claim');
      return claimedEventOf(row, args, await resourceVersion(db, row.resource_key));
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await db.query('ROLLBACK TO SAVEPOINT claim');
      lost.push(found.resource_key);
    }
  }
  return null;
}

function claimedEventOf(row: ClaimedRow, args: { workerId: string; token: string }, applied: ClaimedEvent['applied']): ClaimedEvent {
  return {
    claim: { inboxId: row.id, workerId: args.workerId, token: args.token },
    shop: row.shop,
    webhookId: row.webhook_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    resource: storedResource(row.shop, row.resource_key),
    payload: row.payload,
    attempts: row.attempts,
    refreshFirst: row.refresh_first,
    retryingSince: row.retrying_since === null ? null : new Date(row.retrying_since),
    applied,
  };
}
