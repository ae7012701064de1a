import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { acceptDelivery } from './sql/accept-delivery';
import { claimNextEvent } from './sql/claim-next-event';
import { inboxCounts } from './sql/inbox-counts';
import { listFailures } from './sql/list-failures';
import { findOperation, recordOperation } from './sql/operations';
import { advanceResourceVersion, resourceVersion } from './sql/resource-versions';
import { finishEvent, parkEvent, scheduleEventRetry } from './sql/settle-event';
import type { Store } from './store';

export interface SqliteStoreOptions {
  readonly path: string;
  /**
   * FULL makes every acknowledged webhook survive a power loss (the ack follows the fsync);
   * NORMAL survives a process crash only. Default FULL: an ack is a promise to Shopify.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const iso = (date: Date) => date.toISOString();
  return {
    acceptDelivery: async (delivery, now) => acceptDelivery(db, delivery, iso(now)),
    claimNext: async (workerId, token, now, leaseMs) =>
      claimNextEvent(db, { workerId, token, nowIso: iso(now), expiresAtIso: iso(new Date(now.getTime() + leaseMs)) }),
    finish: async (claim, status, reason, now) => finishEvent(db, claim, status, reason, iso(now)),
    scheduleRetry: async (claim, availableAt, reason, now) => scheduleEventRetry(db, claim, iso(availableAt), reason, iso(now)),
    park: async (claim, failure, now) => parkEvent(db, claim, failure, iso(now)),
    addEvidence: async (inboxId, kind, data, now) => {
      db.prepare('INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, ?, ?)').run(inboxId, iso(now), kind, JSON.stringify(data));
    },
    findOperation: async (key) => findOperation(db, key),
    recordOperation: async (key, operation, inboxId, now) => recordOperation(db, key, operation, inboxId, iso(now)),
    resourceVersion: async (resourceKey) => resourceVersion(db, resourceKey),
    advanceVersion: async (resourceKey, version, snapshot, now) => advanceResourceVersion(db, resourceKey, version, snapshot, iso(now)),
    failures: async (filter) => listFailures(db, filter),
    counts: async () => inboxCounts(db),
    close: async () => {
      db.close();
    },
  };
}
