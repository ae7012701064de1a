import type Database from 'better-sqlite3';
import { failureActionMessage, failureTransition, type FailureAction, type FailureActionResult } from '../operator-actions';
import type { FailureStatus } from '../store-records';
import { addEvidence } from './add-evidence';
import { prepared } from './prepared';
import { requeueEvent } from './requeue-event';
import { resolveFailureIfSettled } from './resolve-failure';
import { liveTwinOf, setFailureStatus } from './set-failure-status';

/**
 * Retry / requeue / ignore one failure, in one transaction. Retry and requeue set the failure
 * retrying and put each event still failed with it back to pending; ignore leaves the event failed.
 * The transition rules are shared with every store (operator-actions.ts).
 */
export function actOnFailure(db: Database.Database, failureId: number, action: FailureAction, nowIso: string): FailureActionResult {
  return db.transaction((): FailureActionResult => {
    const row = prepared(db, 'SELECT status FROM failures WHERE id = ?').get(failureId) as { status: FailureStatus } | undefined;
    if (row === undefined) return { failureId, outcome: 'not_found', requeued: [], message: `no failure ${failureId}` };
    const transition = failureTransition(row.status, action);
    if (!transition.ok) return { failureId, outcome: transition.outcome, requeued: [], message: transition.message };
    if (transition.next === 'retrying') {
      const twin = liveTwinOf(db, failureId);
      if (twin !== null) return { failureId, outcome: 'refused', requeued: [], message: `failure ${twin} is live for the same problem; act on that one` };
    }
    setFailureStatus(db, failureId, row.status, transition.next);
    const failed = prepared(db, "SELECT id FROM inbox WHERE failure_id = ? AND status = 'failed' ORDER BY id").all(failureId) as Array<{ id: number }>;
    const requeued: number[] = [];
    for (const event of failed) {
      if (action === 'ignore') addEvidence(db, event.id, 'ignored', { failureId }, nowIso);
      else if (requeueEvent(db, event.id, action, nowIso, { failureId }) === 'requeued') requeued.push(event.id);
    }
    // Nothing left failing (its events were replayed meanwhile): the retry has nothing to wait for.
    if (action !== 'ignore') resolveFailureIfSettled(db, failureId, nowIso);
    return { failureId, outcome: transition.next === 'ignored' ? 'ignored' : 'retrying', requeued, message: failureActionMessage(action, requeued) };
  })();
}
