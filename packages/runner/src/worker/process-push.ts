import { flowOfTopic, isRecord, SyncError } from '@shopsync/core';
import { fulfillmentEchoKey } from '../stock/process-delivery-note';
import { processPushEvent } from '../stock/process-push-event';
import type { ClaimedEvent } from '../store/store';
import type { ProcessDeps, ProcessResult } from './process-deps';
import { deferWhileShopifyDown, park, settleError } from './settle-event';

/**
 * A push topic: the work is done in Shopify (pushes/push-deps.ts). Its verdict settles the event; a
 * thrown error is retried like any other (a lost response replays by the same idempotency key).
 * While the shop's Shopify is known to be down it is put back untouched: asking would only fail.
 */
export async function processPush(event: ClaimedEvent, deps: ProcessDeps): Promise<ProcessResult> {
  const flow = flowOfTopic(event.topic);
  const mode = flow === null ? 'live' : deps.flowModes[flow];
  if (mode === 'off') return (await deps.store.finish(event.claim, 'skipped', `the ${flow} flow is off`, deps.now())) ? 'skipped' : 'lost_claim';
  const down = deps.shopifyOutage?.(event.shop);
  if (down?.isOpen() === true) return deferWhileShopifyDown(event, down, down.reason() ?? 'its outage breaker is open', deps);
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
export async function isFulfillmentEcho(event: ClaimedEvent, deps: ProcessDeps): Promise<boolean> {
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

