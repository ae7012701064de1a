import type Database from 'better-sqlite3';
import type { ParkedFailure } from '../ports/claim-port';
import type { NewDelivery } from '../ports/inbox-port';
import { acceptOne } from './accept-delivery';
import { parkEvent } from './park-event';
import { prepared } from './prepared';

const CLAIM_ONE = `UPDATE inbox SET status = 'claimed', claimed_by = @workerId, claim_token = @token, claim_expires_at = @now, attempts = attempts + 1
  WHERE id = @inboxId AND status = 'pending'`;

/** Stores the finding as an event and parks it with its failure, all in one transaction. */
export function recordFinding(db: Database.Database, delivery: NewDelivery, failure: ParkedFailure, nowIso: string): { inboxId: number; recorded: boolean } {
  return db.transaction(() => {
    const accepted = acceptOne(db, delivery, nowIso);
    if (accepted.duplicate) return { inboxId: accepted.inboxId, recorded: false };
    const claim = { inboxId: accepted.inboxId, workerId: 'reconcile', token: `finding:${accepted.inboxId}` };
    prepared(db, CLAIM_ONE).run({ ...claim, now: nowIso });
    return { inboxId: accepted.inboxId, recorded: parkEvent(db, claim, failure, nowIso) };
  })();
}
