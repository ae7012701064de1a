import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { acceptDeliveries } from './sql/accept-delivery';
import { actOnFailure } from './sql/act-on-failure';
import { addEvidence } from './sql/add-evidence';
import { claimNextEvent } from './sql/claim-next-event';
import { eventEvidence } from './sql/event-evidence';
import { eventsToMirror, markMirrored } from './sql/events-to-mirror';
import { failureCounts } from './sql/failure-counts';
import { getEvent } from './sql/get-event';
import { knownWebhookIds } from './sql/known-webhook-ids';
import { inboxCounts } from './sql/inbox-counts';
import { lastApplied } from './sql/last-applied';
import { listEvents } from './sql/list-events';
import { getFailure, listFailures } from './sql/list-failures';
import { findOperation, recordOperation } from './sql/operations';
import { parkEvent } from './sql/park-event';
import { recordFinding } from './sql/record-finding';
import { pruneEvidence } from './sql/prune-evidence';
import { requeueEvent } from './sql/requeue-event';
import { shadowPlans } from './sql/shadow-plans';
import { advanceResourceVersion, resourceVersion } from './sql/resource-versions';
import { finishEvent, scheduleEventRetry, deferClaimedEvent } from './sql/settle-event';
import type { Store } from './store';

export interface SqliteStoreOptions {
  readonly path: string;
  /**
   * FULL makes every acknowledged webhook survive a power loss (the ack follows the fsync);
   * NORMAL survives a process crash only. Default FULL: an ack is a promise to Shopify.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/** The embedded store: one connection, WAL, each statement in its own file under sql/ (STYLE C10). */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: at ingress speed the default checkpoints
  // several times a second, each copying pages into the database file; measured 78 → 62 µs per
  // 8.5 KB webhook with NORMAL (npm run bench). journal_size_limit truncates the WAL file back to
  // 64 MB after a checkpoint, so a burst does not leave a large file behind.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const iso = (date: Date) => date.toISOString();
  return {
    acceptDelivery: async (delivery, now) => acceptDeliveries(db, [delivery], iso(now))[0]!,
    acceptDeliveries: async (deliveries, now) => acceptDeliveries(db, deliveries, iso(now)),
    claimNext: async (workerId, token, now, leaseMs) =>
      claimNextEvent(db, { workerId, token, nowIso: iso(now), expiresAtIso: iso(new Date(now.getTime() + leaseMs)) }),
    finish: async (claim, status, reason, now) => finishEvent(db, claim, status, reason, iso(now)),
    scheduleRetry: async (claim, availableAt, reason, now) => scheduleEventRetry(db, claim, iso(availableAt), reason, iso(now)),
    deferEvent: async (claim, kind, availableAt, reason, now) => deferClaimedEvent(db, claim, kind, iso(availableAt), reason, iso(now)),
    park: async (claim, failure, now) => parkEvent(db, claim, failure, iso(now)),
    recordFinding: async (delivery, failure, now) => recordFinding(db, delivery, failure, iso(now)),
    addEvidence: async (inboxId, kind, data, now) => addEvidence(db, inboxId, kind, data, iso(now)),
    findOperation: async (key) => findOperation(db, key),
    recordOperation: async (key, operation, inboxId, now) => recordOperation(db, key, operation, inboxId, iso(now)),
    resourceVersion: async (resourceKey) => resourceVersion(db, resourceKey),
    advanceVersion: async (resourceKey, version, snapshot, now) => advanceResourceVersion(db, resourceKey, version, snapshot, iso(now)),
    listEvents: async (filter) => listEvents(db, filter),
    eventsToMirror: async (limit) => eventsToMirror(db, limit),
    markMirrored: async (inboxIds, now) => markMirrored(db, inboxIds, iso(now)),
    getEvent: async (inboxId) => getEvent(db, inboxId),
    evidence: async (inboxId) => eventEvidence(db, inboxId),
    failures: async (filter) => listFailures(db, filter),
    getFailure: async (failureId) => getFailure(db, failureId),
    failureCounts: async () => failureCounts(db),
    lastApplied: async () => lastApplied(db),
    counts: async () => inboxCounts(db),
    shadowPlans: async () => shadowPlans(db),
    knownWebhookIds: async (shop, webhookIds) => knownWebhookIds(db, shop, webhookIds),
    requeueEvent: async (inboxId, action, now) => requeueEvent(db, inboxId, action, iso(now)),
    actOnFailure: async (failureId, action, now) => actOnFailure(db, failureId, action, iso(now)),
    pruneEvidence: async (olderThan) => pruneEvidence(db, iso(olderThan)),
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      db.close();
    },
  };
}
