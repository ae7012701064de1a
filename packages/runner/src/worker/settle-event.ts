import { describeFailure, isSyncError, mayRetry, nextDelayMs, SyncError, subjectOf, withOrderName, type Failure, type FailureSubject } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { looksLikeOutage, looksLikeShopifyOutage } from './outage-breaker';
import type { ProcessDeps, ProcessResult, ShopifyOutage } from './process-deps';

// How a claimed event ends when it cannot be applied: retried with backoff, put back while ERPNext is
// (or the shop's Shopify) is down, or parked with its failure. Shared by the ERPNext plans and the push topics.

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

export function planFailureError(failure: Failure): SyncError {
  return new SyncError({ code: failure.code, category: failure.category, retryable: true, message: describeFailure(failure), details: { ...failure.params } });
}

export function budgetLeft(event: ClaimedEvent, deps: ProcessDeps): boolean {
  return mayRetry(event.retryingSince?.getTime() ?? null, deps.now().getTime(), deps.retry);
}

/** A payment's order by its name (#1042) when the order's state is stored (core's withOrderName). */
async function namedSubject(event: ClaimedEvent, subject: FailureSubject, deps: ProcessDeps): Promise<FailureSubject> {
  if (subject.kind !== 'order') return subject;
  return withOrderName(subject, (await deps.store.resourceVersion(event.resourceKey)).snapshot);
}

export async function park(event: ClaimedEvent, parked: Failure, error: unknown, deps: ProcessDeps): Promise<ProcessResult> {
  const failure = { ...parked, subject: await namedSubject(event, parked.subject, deps) };
  const message = describeFailure(failure);
  deps.logger.error({ ...(error === null ? {} : { err: error }), code: failure.code, category: failure.category }, 'event.parked');
  const details = { ...failure.params, subject: failure.subject, attempts: event.attempts, ...(event.retryingSince === null ? {} : { retryingSince: event.retryingSince.toISOString() }) };
  const kept = await deps.store.park(event.claim, { code: failure.code, category: failure.category, retryable: failure.retryable, message, details }, deps.now());
  return kept ? 'failed' : 'lost_claim';
}

/**
 * The shop's Shopify is down: the event goes back without spending an attempt or its retry budget,
 * due when the breaker probes Shopify next. Not at once, as for ERPNext: the workers keep claiming
 * (this shop's orders need only ERPNext), so an event due now would be claimed again in a tight loop.
 * When the probe finds Shopify answering, the breaker closes and wakes the workers, and it is due.
 */
export async function deferWhileShopifyDown(event: ClaimedEvent, breaker: ShopifyOutage, why: string, deps: ProcessDeps): Promise<ProcessResult> {
  const now = deps.now();
  const reason = `Shopify (${event.shop}) is unreachable (${why}); waiting for it to answer again, then this event runs`;
  const availableAt = new Date(Math.max(breaker.nextProbeAtMs() ?? now.getTime(), now.getTime()));
  return (await deps.store.deferEvent(event.claim, 'outage', availableAt, reason, now)) ? 'deferred' : 'lost_claim';
}

export async function settleError(event: ClaimedEvent, error: unknown, payload: unknown, deps: ProcessDeps): Promise<ProcessResult> {
  const failure = failureFromError(error, event.topic, payload);
  if (deps.outage !== undefined && looksLikeOutage(error) && (await deps.outage.confirmOutage(failure.code))) {
    // ERPNext is down, not this event's fault: back in the queue at once, no attempt and no budget spent.
    const reason = `ERPNext is unreachable (${isSyncError(error) ? error.message : failure.code}); waiting for it to answer again, then this event runs`;
    return (await deps.store.deferEvent(event.claim, 'outage', deps.now(), reason, deps.now())) ? 'deferred' : 'lost_claim';
  }
  const shopify = looksLikeShopifyOutage(error) ? deps.shopifyOutage?.(event.shop) : undefined;
  if (shopify !== undefined && (await shopify.confirmOutage(isSyncError(error) ? error.message : failure.code))) {
    return deferWhileShopifyDown(event, shopify, isSyncError(error) ? error.message : failure.code, deps);
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

