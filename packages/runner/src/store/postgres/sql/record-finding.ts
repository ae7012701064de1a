import type { ParkedFailure } from '../../ports/claim-port';
import type { NewDelivery } from '../../ports/inbox-port';
import { acceptOne } from './accept-delivery';
import { parkUnclaimedEvent } from './park-event';
import type { Db } from './query';

/** Stores the finding as an event and parks it with its failure, inside the caller's transaction. */
export async function recordFinding(db: Db, delivery: NewDelivery, failure: ParkedFailure, nowIso: string): Promise<{ inboxId: number; recorded: boolean }> {
  const accepted = await acceptOne(db, delivery, nowIso);
  if (accepted.duplicate) return { inboxId: accepted.inboxId, recorded: false };
  return { inboxId: accepted.inboxId, recorded: await parkUnclaimedEvent(db, accepted.inboxId, failure, nowIso) };
}
