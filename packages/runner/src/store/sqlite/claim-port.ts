import type Database from 'better-sqlite3';
import type { ClaimPort } from '../ports/claim-port';
import type { LedgerWrite } from '../ports/ledger-port';
import { recordAll } from '../sql/record-all';
import { claimNextEvent } from '../sql/claim-next-event';
import { parkEvent } from '../sql/park-event';
import { deferClaimedEvent, finishEvent, scheduleEventRetry } from '../sql/settle-event';
import { iso } from './sqlite-connection';

export function sqliteClaimPort(db: Database.Database): ClaimPort {
  // The kept writes, then the settle, in one transaction.
  const settling = (writes: readonly LedgerWrite[] | undefined, settle: () => boolean): boolean =>
    db.transaction(() => {
      recordAll(db, writes ?? [], iso);
      return settle();
    })();
  return {
    claimNext: async (workerId, token, now, leaseMs) =>
      claimNextEvent(db, { workerId, token, nowIso: iso(now), expiresAtIso: iso(new Date(now.getTime() + leaseMs)) }),
    finish: async (claim, status, reason, now, writes) => settling(writes, () => finishEvent(db, claim, status, reason, iso(now))),
    scheduleRetry: async (claim, availableAt, reason, now, writes) => settling(writes, () => scheduleEventRetry(db, claim, iso(availableAt), reason, iso(now))),
    deferEvent: async (claim, kind, availableAt, reason, now, writes) => settling(writes, () => deferClaimedEvent(db, claim, kind, iso(availableAt), reason, iso(now))),
    park: async (claim, failure, now, writes) => settling(writes, () => parkEvent(db, claim, failure, iso(now))),
  };
}
