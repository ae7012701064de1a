import { describeFailure, flowOfTopic, isPushTopic, payloadOf, planEvent, type Failure, type FailureCode, type SyncError } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { applyPlan } from './apply-plan';
import { eventUnitOfWork } from './event-unit-of-work';
import { planningInputs } from './latest-state';
import type { ProcessDeps, ProcessResult } from './process-deps';
import { isFulfillmentEcho, processPush } from './process-push';
import { budgetLeft, park, planFailureError, settleError } from './settle-event';

export type { ProcessDeps, ProcessResult, PushPorts } from './process-deps';
export { APPLY_DOCUMENTS, DocumentWrites, isMissingMethod, type WriteMode } from './document-writes';
export { applyPlan } from './apply-plan';
export type { ApplyContext } from './apply-context';

/** Plan failures that mean "another event of this order must come first": wait for it, spend nothing. */
const WAITS_FOR_ORDER: ReadonlySet<FailureCode> = new Set(['order.not_yet_seen', 'order.not_yet_paid']);

/**
 * Keeps the payload as the resource's latest state when it carried the version the plan applied.
 * A refund payload is only a part of its order, so it never becomes the order's snapshot.
 */
async function rememberState(event: ClaimedEvent, version: string | null, payloadText: string, deps: ProcessDeps): Promise<void> {
  if (version === null || payloadOf(event.topic)?.carries === 'part') return;
  await deps.store.advanceVersion(event.resourceKey, version, payloadText, deps.now());
}

/**
 * A payment whose order has not arrived (or is not paid yet) waits for that event instead of burning
 * retries: it is put back without spending an attempt and woken when an event of its order settles
 * (store.finish), or re-planned every maxDelayMs in case the order came through another runner. Only
 * when the order has not come within the retry budget is it parked, so a lost order webhook surfaces.
 */
async function waitForOrder(event: ClaimedEvent, failure: Failure, deps: ProcessDeps): Promise<ProcessResult> {
  if (!budgetLeft(event, deps)) return park(event, failure, null, deps);
  const recheckAt = new Date(deps.now().getTime() + deps.retry.maxDelayMs);
  const kept = await deps.store.deferEvent(event.claim, 'waiting', recheckAt, describeFailure(failure, 'retrying'), deps.now());
  deps.logger.info({ code: failure.code, recheckAt }, 'event.waiting');
  return kept ? 'waiting' : 'lost_claim';
}

/**
 * One claimed event: plan it (pure), record the plan, apply each operation by its key, settle.
 * Any crash in between leaves the claim to expire; the replay re-plans and every operation adopts
 * what an earlier attempt already wrote.
 */
export async function processEvent(event: ClaimedEvent, pool: ProcessDeps): Promise<ProcessResult> {
  const inboxId = event.claim.inboxId;
  if (isPushTopic(event.topic)) return processPush(event, pool);
  // This event's ledger writes go to the store in one round trip when it settles (event-unit-of-work.ts).
  const deps: ProcessDeps = { ...pool, store: eventUnitOfWork(pool.store) };
  if (await isFulfillmentEcho(event, deps)) {
    const reason = 'the echo of fulfillments shopsync made from Delivery Notes';
    return (await deps.store.finish(event.claim, 'echo', reason, deps.now())) ? 'skipped' : 'lost_claim';
  }
  let payload: unknown = null;
  try {
    const inputs = await planningInputs(event, deps.store, deps.latestOrder, deps.now);
    payload = inputs.payload;
    const plan = planEvent({ shop: event.shop, topic: inputs.topic, payload }, deps.settings, { appliedVersion: inputs.appliedVersion, latestSnapshot: inputs.latestSnapshot });
    await deps.store.addEvidence(inboxId, 'plan', plan, deps.now());
    const flow = flowOfTopic(event.topic);
    const mode = flow === null ? 'live' : deps.flowModes[flow];
    if (mode !== 'live' && plan.outcome !== 'superseded') {
      // Nothing is written and no version is remembered: switching the flow on later applies these events' orders afresh.
      const reason = mode === 'shadow' ? `shadow mode (${flow}): the plan is recorded, nothing was written` : `the ${flow} flow is off`;
      return (await deps.store.finish(event.claim, 'skipped', reason, deps.now())) ? 'skipped' : 'lost_claim';
    }
    if (plan.outcome === 'failed') {
      if (WAITS_FOR_ORDER.has(plan.failure.code)) return waitForOrder(event, plan.failure, deps);
      if (plan.failure.retryable) return settleError(event, planFailureError(plan.failure), payload, deps);
      return park(event, plan.failure, null, deps);
    }
    if (plan.outcome === 'skipped' || plan.outcome === 'superseded') {
      await rememberState(event, plan.version, inputs.payloadText, deps);
      return (await deps.store.finish(event.claim, plan.outcome, plan.reason, deps.now())) ? plan.outcome : 'lost_claim';
    }
    const names = new Map<string, string>();
    const deferred: SyncError[] = [];
    await applyPlan(plan.operations, { erpnext: deps.erpnext, store: deps.store, inboxId, now: deps.now, names, deferred }, deps.writes);
    if (deferred.length > 0) {
      // Every operation ran: ERPNext holds this version as far as it can, so older events are superseded
      // and cannot pull a document back to older content; the conflict is parked for the operator.
      await rememberState(event, plan.version, inputs.payloadText, deps);
      return settleError(event, deferred[0], payload, deps);
    }
    await rememberState(event, plan.version, inputs.payloadText, deps);
    return (await deps.store.finish(event.claim, 'applied', null, deps.now())) ? 'applied' : 'lost_claim';
  } catch (error) {
    return settleError(event, error, payload, deps);
  }
}
