import { failureActionMessage, failureTransition, type FailureAction, type FailureActionResult } from '../../operator-actions';
import type { FailureStatus } from '../../store-records';
import { addEvidence } from './add-evidence';
import { one, rows, type Db } from './query';
import { requeueEvent } from './requeue-event';
import { resolveFailureIfSettled } from './resolve-failure';
import { liveTwinOf, setFailureStatus } from './set-failure-status';

/**
 * Retry / requeue / ignore one failure, inside the caller's transaction. The failure row is locked
 * first, so two operators (or the Desk mirror and the CLI) pressing at once take turns, and the second
 * lands on an `already_*` outcome. The transition rules are shared with every store (operator-actions.ts).
 */
export async function actOnFailure(db: Db, failureId: number, action: FailureAction, nowIso: string): Promise<FailureActionResult> {
  const row = await one<{ status: FailureStatus }>(db, 'SELECT status FROM failures WHERE id = $1 FOR UPDATE', [failureId]);
  if (row === undefined) return { failureId, outcome: 'not_found', requeued: [], message: `no failure ${failureId}` };
  const transition = failureTransition(row.status, action);
  if (!transition.ok) return { failureId, outcome: transition.outcome, requeued: [], message: transition.message };
  if (transition.next === 'retrying') {
    const twin = await liveTwinOf(db, failureId);
    if (twin !== null) return { failureId, outcome: 'refused', requeued: [], message: `failure ${twin} is live for the same problem; act on that one` };
  }
  await setFailureStatus(db, failureId, row.status, transition.next);
  const failed = await rows<{ id: number }>(db, "SELECT id FROM inbox WHERE failure_id = $1 AND status = 'failed' ORDER BY id", [failureId]);
  const requeued: number[] = [];
  for (const event of failed) {
    if (action === 'ignore') await addEvidence(db, event.id, 'ignored', { failureId }, nowIso);
    else if ((await requeueEvent(db, event.id, action, nowIso, { failureId })) === 'requeued') requeued.push(event.id);
  }
  // Nothing left failing (its events were replayed meanwhile): the retry has nothing to wait for.
  if (action !== 'ignore') await resolveFailureIfSettled(db, failureId, nowIso);
  return { failureId, outcome: transition.next === 'ignored' ? 'ignored' : 'retrying', requeued, message: failureActionMessage(action, requeued) };
}
