import type { AcceptedDelivery, InboxPort, NewDelivery } from '../ports/inbox-port';
import { parkClaimed } from './claim-port';
import { iso, type MemoryState } from './memory-state';

/** accept-delivery.ts: one event per (shop, webhook id); a repeat is a duplicate delivery. */
export function accept(state: MemoryState, delivery: NewDelivery, nowIso: string): AcceptedDelivery {
  const key = `${delivery.shop}\n${delivery.webhookId}`;
  const known = state.webhookIds.get(key);
  const inboxId = known ?? state.nextId('event');
  if (known === undefined) {
    state.webhookIds.set(key, inboxId);
    state.events.set(inboxId, {
      ...delivery,
      id: inboxId,
      status: 'pending',
      attempts: 0,
      receivedAt: nowIso,
      availableAt: nowIso,
      finishedAt: null,
      reason: null,
      claimedBy: null,
      claimToken: null,
      claimExpiresAt: null,
      failureId: null,
      refreshFirst: false,
      retryingSince: null,
      mirroredAt: null,
    });
  }
  if (known === undefined) return { inboxId, duplicate: false };
  // As accept-delivery.ts: a first delivery is its event (and its `received` evidence, received-evidence.ts); a repeat leaves a row.
  state.deliveries.push({ inboxId, receivedAt: nowIso, duplicate: true });
  state.addEvidence(inboxId, 'duplicate_delivery', { webhookId: delivery.webhookId, payloadHash: delivery.payloadHash }, nowIso);
  return { inboxId, duplicate: true };
}

export function memoryInboxPort(state: MemoryState): InboxPort {
  return {
    acceptDelivery: async (delivery, now) => accept(state, delivery, iso(now)),
    acceptDeliveries: async (deliveries, now) => deliveries.map((delivery) => accept(state, delivery, iso(now))),
    knownWebhookIds: async (shop, webhookIds) => webhookIds.filter((id) => state.webhookIds.has(`${shop}\n${id}`)),
    // record-finding.ts: accepted, claimed by "reconcile" and parked at once, unless already held.
    recordFinding: async (delivery, failure, now) => {
      const accepted = accept(state, delivery, iso(now));
      if (accepted.duplicate) return { inboxId: accepted.inboxId, recorded: false };
      const claim = { inboxId: accepted.inboxId, workerId: 'reconcile', token: `finding:${accepted.inboxId}` };
      const event = state.events.get(accepted.inboxId)!;
      Object.assign(event, { status: 'claimed', claimedBy: claim.workerId, claimToken: claim.token, claimExpiresAt: iso(now), attempts: event.attempts + 1 });
      return { inboxId: accepted.inboxId, recorded: parkClaimed(state, claim, failure, iso(now)) };
    },
  };
}
