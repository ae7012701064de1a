import { payloadOf } from '@shopsync/core';
import type { Store, ClaimedEvent } from '../store/store';

/**
 * Reads an order's latest state from Shopify, or says why not: as the orders/* webhook body the inbox
 * holds (admin-read/latest-order.ts), since it replaces the event's payload and becomes the snapshot.
 */
export type LatestOrderPort = (shop: string, orderId: string) => Promise<{ readonly payload: unknown } | { readonly unavailable: string }>;

export interface PlanningInputs {
  /** The topic to plan it as: an orders/edited read back from Shopify is planned as the orders/updated it amounts to. */
  readonly topic: string;
  /** The payload to plan: the stored one, or Shopify's latest order when an operator requeued an order event. */
  readonly payload: unknown;
  /** Its text, kept as the resource's snapshot when it carried the applied version. */
  readonly payloadText: string;
  /** The order's latest known state, for events that carry only a part of it (refunds, transactions). */
  readonly latestSnapshot: unknown;
  readonly appliedVersion: string | null;
}

/**
 * What a plan starts from. Normally the stored payload and the newest applied snapshot; after an
 * operator's `requeue`, Shopify's latest state of the order replaces the payload (order topics) or
 * the snapshot (refunds, transactions), so a requeue applies what Shopify holds now. orders/edited
 * carries only the change, so the edited order is always read. When Shopify cannot be read (no
 * credentials, an order its read cannot stand for) the stored state is used, and the evidence says so.
 */
export async function planningInputs(event: ClaimedEvent, store: Store, latestOrder: LatestOrderPort | undefined, now: () => Date): Promise<PlanningInputs> {
  const state = event.applied;
  const stored: PlanningInputs = {
    topic: event.topic,
    payload: JSON.parse(event.payload),
    payloadText: event.payload,
    latestSnapshot: state.snapshot === null ? null : JSON.parse(state.snapshot),
    appliedVersion: state.version,
  };
  const holds = payloadOf(event.topic);
  // A change alone (orders/edited) cannot be planned: the resource is always read back.
  const change = holds?.carries === 'change' ? holds : null;
  if (!event.refreshFirst && change === null) return stored;
  const orderId = event.resource.kind === 'order' ? event.resource.id : undefined;
  const latest = orderId === undefined ? { unavailable: 'the event is not about an order' } : latestOrder === undefined ? { unavailable: 'no Shopify credentials are configured for this shop' } : await latestOrder(event.shop, orderId);
  if ('unavailable' in latest) {
    await store.addEvidence(event.claim.inboxId, 'refresh', { refreshed: false, reason: latest.unavailable }, now());
    return stored;
  }
  await store.addEvidence(event.claim.inboxId, 'refresh', { refreshed: true, updatedAt: (latest.payload as { updated_at?: unknown }).updated_at ?? null }, now());
  // A part of the order (a refund, a payment) keeps its payload and plans on the order read now.
  if (holds?.carries === 'part') return { ...stored, latestSnapshot: latest.payload };
  return { ...stored, topic: change?.readAs ?? event.topic, payload: latest.payload, payloadText: JSON.stringify(latest.payload) };
}
