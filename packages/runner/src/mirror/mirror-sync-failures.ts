import type { FailureAction } from '../store/operator-actions';
import type { FailureRecord, FailureStatus, OperatorActionPort, OperatorQueryPort } from '../store/store';
import type { MirrorDeps } from './mirror-sync-logs';
import { failureSignature, syncFailureEntry } from './sync-failure-entry';

export interface FailureMirrorDeps extends Omit<MirrorDeps, 'store'> {
  /** Reads the failures to show, and carries out the operator requests the Desk sends back. */
  readonly store: OperatorQueryPort & OperatorActionPort;
  /** Per failure id, the signature ERPNext last acknowledged; lives as long as the runner. */
  readonly acknowledged: Map<number, string>;
}

export interface FailureMirrorResult {
  readonly sent: number;
  readonly recorded: number;
  readonly rejected: number;
  /** Operator requests from the Desk carried out in the runner's store (retry, requeue, ignore). */
  readonly actedOn: number;
}

interface FailureAnswer {
  readonly failure_key: string | null;
  readonly ok: boolean;
  readonly result: string;
  readonly status: string | null;
  readonly requested_action: string | null;
  readonly message: string;
}

/**
 * What the Desk asks the runner to do: a Retry or Requeue pressed on an open failure, or an Ignore of
 * one the runner still holds open. Anything else is already in step (or the runner leads it).
 */
export function operatorRequest(runnerStatus: FailureStatus, row: Pick<FailureAnswer, 'status' | 'requested_action'>): FailureAction | null {
  if (row.status === 'Retry Requested' && runnerStatus === 'open') return row.requested_action === 'Retry' ? 'retry' : 'requeue';
  if (row.status === 'Ignored' && (runnerStatus === 'open' || runnerStatus === 'retrying')) return 'ignore';
  return null;
}

/** Open and retrying failures every round (the Desk may have acted on them), settled ones once per change. */
function due(failures: readonly FailureRecord[], acknowledged: ReadonlyMap<number, string>): FailureRecord[] {
  const changed = failures.filter((failure) => acknowledged.get(failure.id) !== failureSignature(failure));
  const sending = new Set(changed);
  const polled = failures.filter((failure) => (failure.status === 'open' || failure.status === 'retrying') && !sending.has(failure));
  return [...changed, ...polled];
}

/**
 * Mirrors the runner's failures to ERPNext's Sync Failure and carries out what operators pressed in
 * the Desk, in one idempotent call per batch of `shopsync.api.record_sync_failures`: the app upserts
 * each failure by key, walks its status to the runner's through the status machine, and answers
 * with the row's status and requested action. A Retry/Requeue/Ignore found there goes through the
 * store's own actOnFailure (safe to repeat); the next round reports the new state and the Desk
 * follows (Retrying, then Resolved or Open again). When the call fails nothing is marked, and the
 * next round sends the same failures again.
 */
export async function mirrorSyncFailures(deps: FailureMirrorDeps): Promise<FailureMirrorResult> {
  const failures = due(await deps.store.failures({}), deps.acknowledged);
  let recorded = 0;
  let rejected = 0;
  let actedOn = 0;
  for (let start = 0; start < failures.length; start += deps.batch) {
    const chunk = failures.slice(start, start + deps.batch);
    const entries = await Promise.all(
      chunk.map(async (failure) => syncFailureEntry(failure, await deps.store.getEvent(failure.inboxId), await deps.store.evidence(failure.inboxId))),
    );
    const answers = ((await deps.erpnext.callMethod('shopsync.api.record_sync_failures', { entries }, { verb: 'POST' })) ?? []) as FailureAnswer[];
    for (const [index, failure] of chunk.entries()) {
      const answer = answers[index];
      if (answer === undefined || !answer.ok) {
        rejected += 1;
        deps.logger.warn({ failureId: failure.id, result: answer?.result, message: answer?.message }, 'sync_failure.refused');
        continue;
      }
      recorded += 1;
      deps.acknowledged.set(failure.id, failureSignature(failure));
      const request = operatorRequest(failure.status, answer);
      if (request === null) continue;
      const outcome = await deps.store.actOnFailure(failure.id, request, deps.now());
      actedOn += 1;
      deps.logger.info({ failureId: failure.id, action: request, outcome: outcome.outcome, requeued: outcome.requeued }, 'sync_failure.operator_request');
    }
  }
  return { sent: failures.length, recorded, rejected, actedOn };
}
