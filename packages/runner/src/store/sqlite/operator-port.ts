import type Database from 'better-sqlite3';
import type { OperatorActionPort, OperatorQueryPort } from '../ports/operator-port';
import { actOnFailure } from '../sql/act-on-failure';
import { eventEvidence } from '../sql/event-evidence';
import { failureCounts } from '../sql/failure-counts';
import { getEvent } from '../sql/get-event';
import { inboxCounts } from '../sql/inbox-counts';
import { lastApplied } from '../sql/last-applied';
import { listEvents } from '../sql/list-events';
import { getFailure, listFailures } from '../sql/list-failures';
import { requeueEvent } from '../sql/requeue-event';
import { shadowPlans } from '../sql/shadow-plans';
import { iso } from './sqlite-connection';

export function sqliteOperatorQueryPort(db: Database.Database): OperatorQueryPort {
  return {
    listEvents: async (filter) => listEvents(db, filter),
    getEvent: async (inboxId) => getEvent(db, inboxId),
    evidence: async (inboxId) => eventEvidence(db, inboxId),
    failures: async (filter) => listFailures(db, filter),
    getFailure: async (failureId) => getFailure(db, failureId),
    failureCounts: async () => failureCounts(db),
    lastApplied: async () => lastApplied(db),
    counts: async () => inboxCounts(db),
    shadowPlans: async () => shadowPlans(db),
  };
}

export function sqliteOperatorActionPort(db: Database.Database): OperatorActionPort {
  return {
    requeueEvent: async (inboxId, action, now) => requeueEvent(db, inboxId, action, iso(now)),
    actOnFailure: async (failureId, action, now) => actOnFailure(db, failureId, action, iso(now)),
  };
}
