import type { ClaimPort } from '../ports/claim-port';
import type { LedgerWrite } from '../ports/ledger-port';
import { iso, type PgConnection } from './pg-connection';
import { claimNextEvent } from './sql/claim-next-event';
import type { Db } from './sql/query';
import { recordAll } from './sql/record-all';
import { parkEvent } from './sql/park-event';
import { deferClaimedEvent, finishEvent, scheduleEventRetry } from './sql/settle-event';

/** Each call one transaction: a settle's kept writes, event, evidence, failure and woken siblings commit together or not at all. */
export function postgresClaimPort(conn: PgConnection): ClaimPort {
  // The kept writes, then the settle, in one transaction.
  const settling = (writes: readonly LedgerWrite[] = [], settle: (db: Db) => Promise<boolean>): Promise<boolean> =>
    conn.tx(async (db) => {
      await recordAll(db, writes, iso);
      return settle(db);
    });
  return {
    claimNext: (workerId, token, now, leaseMs) =>
      conn.tx((db) => claimNextEvent(db, { workerId, token, nowIso: iso(now), expiresAtIso: iso(new Date(now.getTime() + leaseMs)) })),
    finish: (claim, status, reason, now, writes) => settling(writes, (db) => finishEvent(db, claim, status, reason, iso(now))),
    scheduleRetry: (claim, availableAt, reason, now, writes) => settling(writes, (db) => scheduleEventRetry(db, claim, iso(availableAt), reason, iso(now))),
    deferEvent: (claim, kind, availableAt, reason, now, writes) => settling(writes, (db) => deferClaimedEvent(db, claim, kind, iso(availableAt), reason, iso(now))),
    park: (claim, failure, now, writes) => settling(writes, (db) => parkEvent(db, claim, failure, iso(now))),
  };
}
