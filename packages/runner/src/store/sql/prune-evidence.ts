import type Database from 'better-sqlite3';
import type { PruneResult } from '../store-records';
import { prepared } from './prepared';

/** Settled and not failed; an event a failure still points at is kept with that failure. */
const PRUNABLE = `status IN ('applied', 'duplicate', 'superseded', 'echo', 'skipped') AND finished_at < @cutoff
  AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.inbox_id = inbox.id)`;

const CHUNK_END = `SELECT MAX(id) AS upto FROM (SELECT id FROM inbox WHERE ${PRUNABLE} ORDER BY id LIMIT @chunk) AS chunk`;

/**
 * Retention. Deletes in chunks, one short transaction each, so the ingress (which waits for the same
 * write lock) is never held up for long by a first prune of a large database.
 */
export function pruneEvidence(db: Database.Database, cutoffIso: string, chunk = 2_000): PruneResult {
  const failures = prepared(
    db,
    `DELETE FROM failures WHERE status = 'resolved' AND resolved_at < @cutoff AND NOT EXISTS (SELECT 1 FROM inbox WHERE failure_id = failures.id)`,
  ).run({ cutoff: cutoffIso }).changes;
  const total = { events: 0, evidence: 0, deliveries: 0, failures };
  for (;;) {
    const removed = db.transaction(() => {
      const { upto } = prepared(db, CHUNK_END).get({ cutoff: cutoffIso, chunk }) as { upto: number | null };
      if (upto === null) return 0;
      const args = { cutoff: cutoffIso, upto };
      const inChunk = `inbox_id IN (SELECT id FROM inbox WHERE id <= @upto AND ${PRUNABLE})`;
      total.evidence += prepared(db, `DELETE FROM evidence WHERE ${inChunk}`).run(args).changes;
      // Repeats are counted; a first delivery is its event (a row an older shopsync wrote for it goes uncounted).
      const deleted = prepared(db, `DELETE FROM deliveries WHERE ${inChunk} RETURNING duplicate`).all(args) as Array<{ duplicate: number }>;
      total.deliveries += deleted.filter((row) => row.duplicate === 1).length;
      prepared(db, `DELETE FROM inbox_payloads WHERE ${inChunk}`).run(args);
      const events = prepared(db, `DELETE FROM inbox WHERE id <= @upto AND ${PRUNABLE}`).run(args).changes;
      total.events += events;
      total.deliveries += events;
      return events;
    })();
    if (removed < chunk) return total;
  }
}
