import { supersedeMootFailures } from './memory-moot-failures';
import { MemoryState, type MemEventState, type MemFailure } from './memory-state';
import { failureActionMessage, failureTransition } from './operator-actions';
import type { AcceptedDelivery, Claim, NewDelivery, Store } from './store';
import type { EvidenceRecord, FailureCount, TerminalStatus } from './store-records';

const iso = (date: Date) => date.toISOString();

/**
 * The in-memory fake of the Store port (STYLE C8): no IO, the same behaviour as the SQLite store,
 * proved by running the same contract battery against both. For tests of code that uses a store.
 */
export function createMemoryStore(): Store {
  const state = new MemoryState();
  let closed = false;

  function accept(delivery: NewDelivery, nowIso: string): AcceptedDelivery {
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
    state.deliveries.push({ inboxId, receivedAt: nowIso, duplicate: known !== undefined });
    const { webhookId, eventId, topic, payloadHash, apiVersion } = delivery;
    if (known !== undefined) state.addEvidence(inboxId, 'duplicate_delivery', { webhookId, payloadHash }, nowIso);
    else state.addEvidence(inboxId, 'received', { webhookId, eventId, topic, payloadHash, apiVersion }, nowIso);
    return { inboxId, duplicate: known !== undefined };
  }

  /** The fence of settle-event.ts: only the current, unexpired holder may settle. */
  function held(claim: Claim): MemEventState | null {
    const event = state.events.get(claim.inboxId);
    return event?.status === 'claimed' && event.claimedBy === claim.workerId && event.claimToken === claim.token ? event : null;
  }

  function settle(event: MemEventState, status: TerminalStatus, reason: string | null, nowIso: string): void {
    Object.assign(event, { status, reason, finishedAt: nowIso, claimedBy: null, claimToken: null, claimExpiresAt: null });
    state.addEvidence(event.id, 'result', { status, reason }, nowIso);
  }

  function requeue(inboxId: number, action: string, nowIso: string, data: Record<string, unknown> = {}) {
    const event = state.events.get(inboxId);
    if (event === undefined) return 'not_found' as const;
    if (event.status === 'pending' || event.status === 'claimed') return 'already_pending' as const;
    const previousStatus = event.status;
    Object.assign(event, { status: 'pending', attempts: 0, retryingSince: null, availableAt: nowIso, reason: null, finishedAt: null, claimedBy: null, claimToken: null, claimExpiresAt: null, refreshFirst: action === 'requeue' });
    state.addEvidence(inboxId, action, { previousStatus, ...data }, nowIso);
    return 'requeued' as const;
  }

  const store: Store = {
    acceptDelivery: async (delivery, now) => accept(delivery, iso(now)),
    acceptDeliveries: async (deliveries, now) => deliveries.map((delivery) => accept(delivery, iso(now))),
    claimNext: async (workerId, token, now, leaseMs) => {
      const event = state.claimable(iso(now));
      if (event === undefined) return null;
      Object.assign(event, { status: 'claimed', claimedBy: workerId, claimToken: token, claimExpiresAt: iso(new Date(now.getTime() + leaseMs)), attempts: event.attempts + 1 });
      const { shop, webhookId, topic, resourceKey, payload, attempts, refreshFirst } = event;
      const retryingSince = event.retryingSince === null ? null : new Date(event.retryingSince);
      return { claim: { inboxId: event.id, workerId, token }, shop, webhookId, topic, resourceKey, payload, attempts, refreshFirst, retryingSince };
    },
    finish: async (claim, status, reason, now) => {
      const event = held(claim);
      if (event === null) return false;
      const previousFailure = event.failureId;
      settle(event, status, reason, iso(now));
      event.failureId = null;
      state.resolveIfSettled(previousFailure, iso(now));
      if (status === 'applied') supersedeMootFailures(state, event, iso(now));
      for (const sibling of state.events.values()) {
        if (sibling.resourceKey === event.resourceKey && sibling.status === 'pending' && sibling.availableAt > iso(now)) sibling.availableAt = iso(now);
      }
      return true;
    },
    scheduleRetry: async (claim, availableAt, reason, now) => {
      const event = held(claim);
      if (event === null) return false;
      Object.assign(event, { status: 'pending', availableAt: iso(availableAt), reason, claimedBy: null, claimToken: null, claimExpiresAt: null, retryingSince: event.retryingSince ?? iso(now) });
      state.addEvidence(event.id, 'retry_scheduled', { availableAt: iso(availableAt), reason }, iso(now));
      return true;
    },
    deferEvent: async (claim, kind, availableAt, reason, now) => {
      const event = held(claim);
      if (event === null) return false;
      const retryingSince = kind === 'waiting' ? (event.retryingSince ?? iso(now)) : event.retryingSince;
      Object.assign(event, { status: 'pending', availableAt: iso(availableAt), reason, claimedBy: null, claimToken: null, claimExpiresAt: null, attempts: Math.max(event.attempts - 1, 0), retryingSince });
      state.addEvidence(event.id, 'deferred', { kind, availableAt: iso(availableAt), reason }, iso(now));
      return true;
    },
    recordFinding: async (delivery, failure, now) => {
      const accepted = accept(delivery, iso(now));
      if (accepted.duplicate) return { inboxId: accepted.inboxId, recorded: false };
      const claim = { inboxId: accepted.inboxId, workerId: 'reconcile', token: `finding:${accepted.inboxId}` };
      const event = state.events.get(accepted.inboxId)!;
      Object.assign(event, { status: 'claimed', claimedBy: claim.workerId, claimToken: claim.token, claimExpiresAt: iso(now), attempts: event.attempts + 1 });
      return { inboxId: accepted.inboxId, recorded: await store.park(claim, failure, now) };
    },
    park: async (claim, failure, now) => {
      const event = held(claim);
      if (event === null) return false;
      const nowIso = iso(now);
      const previousFailure = event.failureId;
      settle(event, 'failed', failure.message, nowIso);
      const details = JSON.stringify(failure.details);
      const seen = { status: 'open' as const, inboxId: event.id, message: failure.message, details, lastSeenAt: nowIso };
      const live = state.liveFailure(event.resourceKey, failure.code);
      const row: MemFailure = live === undefined
        ? { ...seen, id: state.nextId('failure'), resourceKey: event.resourceKey, code: failure.code, category: failure.category, retryable: failure.retryable, occurrences: 1, createdAt: nowIso, resolvedAt: null }
        : Object.assign(live, seen, { occurrences: live.occurrences + 1 });
      state.failures.set(row.id, row);
      event.failureId = row.id;
      if (previousFailure !== row.id) state.resolveIfSettled(previousFailure, nowIso);
      return true;
    },
    addEvidence: async (inboxId, kind, data, now) => state.addEvidence(inboxId, kind, data, iso(now)),
    findOperation: async (key) => {
      const operation = state.operations.get(key);
      return operation === undefined ? null : { doctype: operation.doctype, name: operation.name, revision: operation.revision };
    },
    recordOperation: async (key, operation, inboxId) => {
      const known = state.operations.get(key);
      const revision = operation.revision ?? null;
      if (known !== undefined && (revision === null || revision === known.revision)) return;
      const row = { doctype: operation.doctype, name: operation.name, revision, inboxId, resourceKey: state.events.get(inboxId)?.resourceKey ?? null };
      state.operations.set(key, known === undefined ? row : { ...known, name: row.name, revision });
    },
    resourceVersion: async (resourceKey) => {
      const row = state.versions.get(resourceKey);
      return { version: row?.version ?? null, snapshot: row?.snapshot ?? null };
    },
    advanceVersion: async (resourceKey, version, snapshot) => {
      const versionMs = Date.parse(version);
      if (Number.isNaN(versionMs)) return;
      const current = state.versions.get(resourceKey);
      if (current === undefined || versionMs >= current.versionMs) state.versions.set(resourceKey, { version, versionMs, snapshot });
    },
    eventsToMirror: async (limit) =>
      [...state.events.values()]
        .filter((event) => event.finishedAt !== null && event.status !== 'pending' && event.status !== 'claimed' && (event.mirroredAt === null || event.mirroredAt < event.finishedAt))
        .sort((a, b) => a.id - b.id)
        .slice(0, limit)
        .map(({ id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason }) => ({ id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason })),
    markMirrored: async (inboxIds, now) => {
      for (const id of inboxIds) {
        const event = state.events.get(id);
        if (event !== undefined) event.mirroredAt = iso(now);
      }
    },
    listEvents: async (filter) =>
      [...state.events.values()]
        .filter((event) => (filter.status === undefined || event.status === filter.status) && (filter.topic === undefined || event.topic === filter.topic))
        .sort((a, b) => b.id - a.id)
        .slice(0, filter.limit ?? 50)
        .map(({ id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason }) => ({ id, shop, webhookId, topic, resourceKey, status, attempts, receivedAt, availableAt, finishedAt, reason })),
    getEvent: async (inboxId) => {
      const event = state.events.get(inboxId);
      if (event === undefined) return null;
      const { claimedBy: _by, claimToken: _token, claimExpiresAt: _expires, failureId: _failure, ...record } = event;
      return { ...record };
    },
    evidence: async (inboxId) =>
      state.evidence.filter((row) => row.inboxId === inboxId).map((row): EvidenceRecord => ({ ...row, data: JSON.parse(row.data) as unknown })),
    failures: async (filter) =>
      [...state.failures.values()]
        .filter((f) => (filter.status === undefined || f.status === filter.status) && (filter.category === undefined || f.category === filter.category) && (filter.code === undefined || f.code === filter.code))
        .sort((a, b) => a.id - b.id)
        .map((f) => state.failureRecord(f)),
    getFailure: async (failureId) => {
      const failure = state.failures.get(failureId);
      if (failure === undefined) return null;
      const eventIds = [...state.events.values()].filter((event) => event.failureId === failureId).map((event) => event.id).sort((a, b) => a - b);
      return { ...state.failureRecord(failure), eventIds };
    },
    failureCounts: async () => {
      const counts = new Map<string, FailureCount>();
      for (const f of state.failures.values()) {
        const key = `${f.category}\n${f.status}`;
        counts.set(key, { category: f.category, status: f.status, count: (counts.get(key)?.count ?? 0) + 1 });
      }
      return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, count]) => count);
    },
    lastApplied: async () => {
      const last = new Map<string, string>();
      for (const event of state.events.values()) {
        if (event.status === 'applied' && event.finishedAt !== null && event.finishedAt > (last.get(event.topic) ?? '')) last.set(event.topic, event.finishedAt);
      }
      return [...last.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([topic, lastAppliedAt]) => ({ topic, lastAppliedAt }));
    },
    counts: async () => {
      const byStatus: Record<string, number> = {};
      for (const event of state.events.values()) byStatus[event.status] = (byStatus[event.status] ?? 0) + 1;
      const duplicateDeliveries = state.deliveries.filter((d) => d.duplicate).length;
      return { byStatus, deliveries: state.deliveries.length, duplicateDeliveries, unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0) };
    },
    shadowPlans: async () => state.shadowPlans(),
    knownWebhookIds: async (shop, webhookIds) => webhookIds.filter((id) => state.webhookIds.has(`${shop}\n${id}`)),
    requeueEvent: async (inboxId, action, now) => requeue(inboxId, action, iso(now)),
    actOnFailure: async (failureId, action, now) => {
      const nowIso = iso(now);
      const failure = state.failures.get(failureId);
      if (failure === undefined) return { failureId, outcome: 'not_found', requeued: [], message: `no failure ${failureId}` };
      const transition = failureTransition(failure.status, action);
      if (!transition.ok) return { failureId, outcome: transition.outcome, requeued: [], message: transition.message };
      const twin = transition.next === 'retrying' ? state.liveFailure(failure.resourceKey, failure.code, failureId) : undefined;
      if (twin !== undefined) return { failureId, outcome: 'refused', requeued: [], message: `failure ${twin.id} is live for the same problem; act on that one` };
      failure.status = transition.next;
      const failed = [...state.events.values()].filter((event) => event.failureId === failureId && event.status === 'failed').sort((a, b) => a.id - b.id);
      const requeued: number[] = [];
      for (const event of failed) {
        if (action === 'ignore') state.addEvidence(event.id, 'ignored', { failureId }, nowIso);
        else if (requeue(event.id, action, nowIso, { failureId }) === 'requeued') requeued.push(event.id);
      }
      if (action !== 'ignore') state.resolveIfSettled(failureId, nowIso);
      return { failureId, outcome: transition.next === 'ignored' ? 'ignored' : 'retrying', requeued, message: failureActionMessage(action, requeued) };
    },
    pruneEvidence: async (olderThan) => state.prune(iso(olderThan)),
    ping: async () => {
      if (closed) throw new Error('the store is closed');
    },
    close: async () => {
      closed = true;
    },
  };
  return store;
}
