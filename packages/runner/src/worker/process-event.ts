import {
  describeFailure,
  isSyncError,
  mayRetry,
  nextDelayMs,
  planEvent,
  payloadOf,
  flowOfTopic,
  isPushTopic,
  isRecord,
  type Flow,
  type FlowMode,
  SyncError,
  subjectOf,
  type Failure,
  type FailureCode,
  type RetryPolicy,
  type SyncSettings,
} from '@shopsync/core';
import type { Logger } from 'pino';
import type { ClaimedEvent, Store } from '../store/store';
import { applyOperation } from './apply-operation';
import { planningInputs, type LatestOrderPort } from './latest-state';
import type { ErpnextPort } from './erpnext-port';
import { looksLikeOutage, type OutageBreaker } from './outage-breaker';
import { processPushEvent } from '../stock/process-push-event';
import { fulfillmentEchoKey } from '../stock/process-delivery-note';
import type { PushDeps } from '../stock/push-deps';

export interface ProcessDeps {
  readonly store: Store;
  readonly erpnext: ErpnextPort;
  readonly settings: SyncSettings;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
  /** Draws the backoff jitter; injected so tests are deterministic (STYLE C3). */
  readonly jitter: () => number;
  readonly logger: Logger;
  /** Per flow: live writes, shadow records the plan only, off skips (rollout, DESIGN §7). */
  readonly flowModes: Readonly<Record<Flow, FlowMode>>;
  /** Shopify's latest order, for events an operator requeued; absent without Shopify credentials. */
  readonly latestOrder?: LatestOrderPort;
  /** Confirms that ERPNext is down (outage-breaker.ts); absent, every failure is an ordinary retry. */
  readonly outage?: Pick<OutageBreaker, 'confirmOutage'>;
  /** What the push topics (stock, levels, Delivery Notes) need; absent, they are parked as unconfigured. */
  readonly pushes?: PushPorts;
}

/** The ERPNext → Shopify side: each shop's Admin API client, ERPNext reads, the stock rules. */
export interface PushPorts {
  shopify(shop: string): PushDeps['shopify'] | null;
  readonly erpnext: PushDeps['erpnext'];
  readonly formula: PushDeps['formula'];
  readonly echoWindowMs: number;
  readonly driftRecheckMs: number;
  readonly links?: PushDeps['links'];
}

/** `waiting`: put back until another event of its order settles; `deferred`: put back while ERPNext is down. */
export type ProcessResult = 'applied' | 'skipped' | 'superseded' | 'failed' | 'retry' | 'waiting' | 'deferred' | 'lost_claim';

/** Plan failures that mean "another event of this order must come first": wait for it, spend nothing. */
const WAITS_FOR_ORDER: ReadonlySet<FailureCode> = new Set(['order.not_yet_seen', 'order.not_yet_paid']);

/** Scalar details of the error become the failure's params, so its sentence can name them. */
function scalarParams(details: Record<string, unknown> | undefined): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(details ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
}

function failureFromError(error: unknown, topic: string, payload: unknown): Failure {
  const subject = subjectOf(topic, payload);
  if (isSyncError(error)) {
    return { code: error.code, category: error.category, retryable: error.retryable, subject, params: { ...scalarParams(error.details), message: error.message } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal.unexpected', category: 'internal', retryable: false, subject, params: { message } };
}

/**
 * Keeps the payload as the resource's latest state when it carried the version the plan applied.
 * A refund payload is only a part of its order, so it never becomes the order's snapshot.
 */
async function rememberState(event: ClaimedEvent, version: string | null, payloadText: string, deps: ProcessDeps): Promise<void> {
  if (version === null || payloadOf(event.topic)?.carries === 'part') return;
  await deps.store.advanceVersion(event.resourceKey, version, payloadText, deps.now());
}

function planFailureError(failure: Failure): SyncError {
  return new SyncError({ code: failure.code, category: failure.category, retryable: true, message: describeFailure(failure), details: { ...failure.params } });
}

function budgetLeft(event: ClaimedEvent, deps: ProcessDeps): boolean {
  return mayRetry(event.retryingSince?.getTime() ?? null, deps.now().getTime(), deps.retry);
}

async function park(event: ClaimedEvent, failure: Failure, error: unknown, deps: ProcessDeps): Promise<ProcessResult> {
  const message = describeFailure(failure);
  deps.logger.error({ ...(error === null ? {} : { err: error }), code: failure.code, category: failure.category }, 'event.parked');
  const details = { ...failure.params, subject: failure.subject, attempts: event.attempts, ...(event.retryingSince === null ? {} : { retryingSince: event.retryingSince.toISOString() }) };
  const kept = await deps.store.park(event.claim, { code: failure.code, category: failure.category, retryable: failure.retryable, message, details }, deps.now());
  return kept ? 'failed' : 'lost_claim';
}

async function settleError(event: ClaimedEvent, error: unknown, payload: unknown, deps: ProcessDeps): Promise<ProcessResult> {
  const failure = failureFromError(error, event.topic, payload);
  if (deps.outage !== undefined && looksLikeOutage(error) && (await deps.outage.confirmOutage(failure.code))) {
    // ERPNext is down, not this event's fault: back in the queue at once, no attempt and no budget spent.
    const reason = `ERPNext is unreachable (${isSyncError(error) ? error.message : failure.code}); waiting for it to answer again, then this event runs`;
    return (await deps.store.deferEvent(event.claim, 'outage', deps.now(), reason, deps.now())) ? 'deferred' : 'lost_claim';
  }
  const retryAfterMs = isSyncError(error) ? error.retryAfterMs : undefined;
  if (failure.retryable && budgetLeft(event, deps)) {
    const delay = nextDelayMs(event.attempts, deps.retry, deps.jitter(), retryAfterMs ?? 0);
    deps.logger.warn({ err: error, code: failure.code, attempt: event.attempts, delayMs: delay }, 'event.retry_scheduled');
    const kept = await deps.store.scheduleRetry(event.claim, new Date(deps.now().getTime() + delay), describeFailure(failure, 'retrying'), deps.now());
    return kept ? 'retry' : 'lost_claim';
  }
  return park(event, failure, error, deps);
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
 * A push topic: the work is done in Shopify (pushes/push-deps.ts). Its verdict settles the event; a
 * thrown error is retried like any other (a lost response replays by the same idempotency key).
 */
async function processPush(event: ClaimedEvent, deps: ProcessDeps): Promise<ProcessResult> {
  const flow = flowOfTopic(event.topic);
  const mode = flow === null ? 'live' : deps.flowModes[flow];
  if (mode === 'off') return (await deps.store.finish(event.claim, 'skipped', `the ${flow} flow is off`, deps.now())) ? 'skipped' : 'lost_claim';
  const shopify = deps.pushes?.shopify(event.shop) ?? null;
  try {
    if (deps.pushes === undefined || shopify === null) {
      throw SyncError.of('shopify.auth', { message: `no Admin API access token is configured for ${event.shop}: stock and fulfillments cannot be sent to Shopify` });
    }
    const { erpnext, formula, echoWindowMs, driftRecheckMs, links } = deps.pushes;
    const verdict = await processPushEvent(event as ClaimedEvent & { topic: Parameters<typeof processPushEvent>[0]['topic'] }, {
      store: deps.store,
      erpnext,
      shopify,
      settings: deps.settings,
      formula,
      echoWindowMs,
      driftRecheckMs,
      ...(links === undefined ? {} : { links }),
      mode,
      now: deps.now,
      logger: deps.logger,
    });
    if ('recheckAfterMs' in verdict) {
      const kept = await deps.store.deferEvent(event.claim, 'waiting', new Date(deps.now().getTime() + verdict.recheckAfterMs), verdict.reason, deps.now());
      return kept ? 'waiting' : 'lost_claim';
    }
    if ('failure' in verdict) return park(event, verdict.failure, null, deps);
    return (await deps.store.finish(event.claim, verdict.status, verdict.reason, deps.now())) ? (verdict.status === 'echo' ? 'skipped' : verdict.status) : 'lost_claim';
  } catch (error) {
    return settleError(event, error, event.payload, deps);
  }
}

const FULFILLED_TOPICS: ReadonlySet<string> = new Set(['orders/fulfilled', 'orders/partially_fulfilled']);

/**
 * With ERPNext as the fulfillment authority, an orders/fulfilled whose every fulfillment shopsync made
 * from a Delivery Note is the echo of those pushes: recorded, not planned.
 */
async function isFulfillmentEcho(event: ClaimedEvent, deps: ProcessDeps): Promise<boolean> {
  if (!FULFILLED_TOPICS.has(event.topic) || deps.settings.fulfillmentAuthority !== 'erpnext') return false;
  let payload: unknown;
  try {
    payload = JSON.parse(event.payload);
  } catch {
    return false;
  }
  const fulfillments = isRecord(payload) && Array.isArray(payload.fulfillments) ? payload.fulfillments.filter(isRecord) : [];
  const ids = fulfillments.filter((f) => f.status === 'success').map((f) => String(f.id ?? ''));
  if (ids.length === 0 || ids.some((id) => id === '')) return false;
  for (const id of ids) if ((await deps.store.findOperation(fulfillmentEchoKey(event.shop, id))) === null) return false;
  return true;
}

/**
 * One claimed event: plan it (pure), record the plan, apply each operation by its key, settle.
 * Any crash in between leaves the claim to expire; the replay re-plans and every operation adopts
 * what an earlier attempt already wrote.
 */
export async function processEvent(event: ClaimedEvent, deps: ProcessDeps): Promise<ProcessResult> {
  const inboxId = event.claim.inboxId;
  if (isPushTopic(event.topic)) return processPush(event, deps);
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
      const message = describeFailure(plan.failure);
      const details = { ...plan.failure.params, subject: plan.failure.subject };
      const kept = await deps.store.park(event.claim, { ...plan.failure, message, details }, deps.now());
      return kept ? 'failed' : 'lost_claim';
    }
    if (plan.outcome === 'skipped' || plan.outcome === 'superseded') {
      await rememberState(event, plan.version, inputs.payloadText, deps);
      return (await deps.store.finish(event.claim, plan.outcome, plan.reason, deps.now())) ? plan.outcome : 'lost_claim';
    }
    const names = new Map<string, string>();
    const deferred: SyncError[] = [];
    for (const op of plan.operations) {
      const applied = await applyOperation(op, { erpnext: deps.erpnext, store: deps.store, inboxId, now: deps.now, names, deferred });
      names.set(op.key, applied.name);
    }
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
