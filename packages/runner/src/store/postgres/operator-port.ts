import type { OperatorActionPort, OperatorQueryPort } from '../ports/operator-port';
import { iso, type PgConnection } from './pg-connection';
import { actOnFailure } from './sql/act-on-failure';
import { eventEvidence } from './sql/event-evidence';
import { failureCounts } from './sql/failure-counts';
import { getEvent } from './sql/get-event';
import { inboxCounts } from './sql/inbox-counts';
import { lastApplied } from './sql/last-applied';
import { listEvents } from './sql/list-events';
import { getFailure, listFailures } from './sql/list-failures';
import { requeueEvent } from './sql/requeue-event';
import { shadowPlans } from './sql/shadow-plans';

export function postgresOperatorQueryPort(conn: PgConnection): OperatorQueryPort {
  return {
    listEvents: (filter) => conn.read((db) => listEvents(db, filter)),
    getEvent: (inboxId) => conn.read((db) => getEvent(db, inboxId)),
    evidence: (inboxId) => conn.read((db) => eventEvidence(db, inboxId)),
    failures: (filter) => conn.read((db) => listFailures(db, filter)),
    getFailure: (failureId) => conn.read((db) => getFailure(db, failureId)),
    failureCounts: () => conn.read((db) => failureCounts(db)),
    lastApplied: () => conn.read((db) => lastApplied(db)),
    counts: () => conn.read((db) => inboxCounts(db)),
    shadowPlans: () => conn.read((db) => shadowPlans(db)),
  };
}

/** Each action one transaction, safe to repeat (operator-actions.ts). */
export function postgresOperatorActionPort(conn: PgConnection): OperatorActionPort {
  return {
    requeueEvent: (inboxId, action, now) => conn.tx((db) => requeueEvent(db, inboxId, action, iso(now))),
    actOnFailure: (failureId, action, now) => conn.tx((db) => actOnFailure(db, failureId, action, iso(now))),
  };
}
