import type { PruneResult } from '../../store-records';
import type { PgConnection } from '../pg-connection';
import { one, rows, run } from './query';

/** Settled and not failed; an event a failure still points at is kept with that failure. */
const PRUNABLE = `status IN ('applied', 'duplicate', 'superseded', 'echo', 'skipped') AND finished_at < $1::timestamptz
  AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.inbox_id = inbox.id)`;

/**
 * The oldest prunable events, locked: an operator's replay of one of them (requeue-event.ts locks
 * the row too) waits, then finds it gone, instead of reviving an event whose evidence was just deleted.
 */
const CHUNK = `SELECT id FROM inbox WHERE ${PRUNABLE} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`;

const RESOLVED_FAILURES = `DELETE FROM failures WHERE status = 'resolved' AND resolved_at < $1::timestamptz
  AND NOT EXISTS (SELECT 1 FROM inbox WHERE failure_id = failures.id)`;

/**
 * Retention. Deletes in chunks, one short transaction each, so no worker or ingress waits long on a
 * first prune of a large database. Several runners may prune at once: SKIP LOCKED gives each its own rows.
 */
export async function pruneEvidence(conn: PgConnection, cutoffIso: string, chunk = 2_000): Promise<PruneResult> {
  const failures = await conn.read((db) => run(db, RESOLVED_FAILURES, [cutoffIso]));
  const total = { events: 0, evidence: 0, deliveries: 0, failures };
  for (;;) {
    const removed = await conn.tx(async (db) => {
      const ids = (await rows<{ id: number }>(db, CHUNK, [cutoffIso, chunk])).map((row) => row.id);
      if (ids.length === 0) return 0;
      total.evidence += await run(db, 'DELETE FROM evidence WHERE inbox_id = ANY($1::bigint[])', [ids]);
      // Repeats are counted; a first delivery is its event (a row an older shopsync wrote for it goes uncounted).
      const deleted = await one<{ repeats: number }>(db, 'WITH gone AS (DELETE FROM deliveries WHERE inbox_id = ANY($1::bigint[]) RETURNING duplicate) SELECT COUNT(*) FILTER (WHERE duplicate) AS repeats FROM gone', [ids]);
      total.deliveries += deleted!.repeats;
      const events = await run(db, 'DELETE FROM inbox WHERE id = ANY($1::bigint[])', [ids]);
      total.events += events;
      total.deliveries += events;
      return events;
    });
    if (removed < chunk) return total;
  }
}
