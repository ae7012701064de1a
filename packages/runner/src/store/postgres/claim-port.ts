import type { ClaimPort } from '../ports/claim-port';
import { iso, type PgConnection } from './pg-connection';
import { claimNextEvent } from './sql/claim-next-event';
import { parkEvent } from './sql/park-event';
import { deferClaimedEvent, finishEvent, scheduleEventRetry } from './sql/settle-event';

/** Each call one transaction: a settle's event, evidence, failure and woken siblings commit together or not at all. */
export function postgresClaimPort(conn: PgConnection): ClaimPort {
  return {
    claimNext: (workerId, token, now, leaseMs) =>
      conn.tx((db) => claimNextEvent(db, { workerId, token, nowIso: iso(now), expiresAtIso: iso(new Date(now.getTime() + leaseMs)) })),
    finish: (claim, status, reason, now) => conn.tx((db) => finishEvent(db, claim, status, reason, iso(now))),
    scheduleRetry: (claim, availableAt, reason, now) => conn.tx((db) => scheduleEventRetry(db, claim, iso(availableAt), reason, iso(now))),
    deferEvent: (claim, kind, availableAt, reason, now) => conn.tx((db) => deferClaimedEvent(db, claim, kind, iso(availableAt), reason, iso(now))),
    park: (claim, failure, now) => conn.tx((db) => parkEvent(db, claim, failure, iso(now))),
  };
}
