import { failureActionMessage, failureTransition } from '../operator-actions';
import type { OperatorActionPort, OperatorQueryPort } from '../ports/operator-port';
import { countedDeliveries, withReceived } from '../received-evidence';
import { SHADOW_REASON_PREFIX, type EvidenceRecord, type FailureCount } from '../store-records';
import { eventSummary, iso, type MemoryState } from './memory-state';

export function memoryOperatorQueryPort(state: MemoryState): OperatorQueryPort {
  return {
    listEvents: async (filter) =>
      [...state.events.values()]
        .filter((event) => (filter.status === undefined || event.status === filter.status) && (filter.topic === undefined || event.topic === filter.topic))
        .sort((a, b) => b.id - a.id)
        .slice(0, filter.limit ?? 50)
        .map(eventSummary),
    getEvent: async (inboxId) => {
      const event = state.events.get(inboxId);
      if (event === undefined) return null;
      const { claimedBy: _by, claimToken: _token, claimExpiresAt: _expires, failureId: _failure, ...record } = event;
      return { ...record };
    },
    evidence: async (inboxId) => {
      const stored = state.evidence.filter((row) => row.inboxId === inboxId).map((row): EvidenceRecord => ({ ...row, data: JSON.parse(row.data) as unknown }));
      const event = state.events.get(inboxId);
      return event === undefined ? stored : withReceived({ ...event, inboxId }, stored);
    },
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
      return { byStatus, deliveries: countedDeliveries(byStatus, duplicateDeliveries), duplicateDeliveries, unfinished: (byStatus.pending ?? 0) + (byStatus.claimed ?? 0) };
    },
    // shadow-plans.ts: skipped by shadow mode, with the latest plan recorded for each.
    shadowPlans: async () => {
      const latestPlan = new Map<number, string>();
      for (const row of state.evidence) if (row.kind === 'plan') latestPlan.set(row.inboxId, row.data);
      return [...state.events.values()]
        .filter((event) => event.status === 'skipped' && (event.reason ?? '').startsWith(SHADOW_REASON_PREFIX) && latestPlan.has(event.id))
        .sort((a, b) => a.id - b.id)
        .map((event) => ({ inboxId: event.id, topic: event.topic, reason: event.reason ?? '', plan: JSON.parse(latestPlan.get(event.id) ?? 'null') as unknown }));
    },
  };
}

/** requeue-event.ts: a terminal event back to pending with a fresh budget; `requeue` plans from Shopify's latest state. */
function requeue(state: MemoryState, inboxId: number, action: string, nowIso: string, data: Record<string, unknown> = {}) {
  const event = state.events.get(inboxId);
  if (event === undefined) return 'not_found' as const;
  if (event.status === 'pending' || event.status === 'claimed') return 'already_pending' as const;
  const previousStatus = event.status;
  Object.assign(event, { status: 'pending', attempts: 0, retryingSince: null, availableAt: nowIso, reason: null, finishedAt: null, claimedBy: null, claimToken: null, claimExpiresAt: null, refreshFirst: action === 'requeue' });
  state.addEvidence(inboxId, action, { previousStatus, ...data }, nowIso);
  return 'requeued' as const;
}

export function memoryOperatorActionPort(state: MemoryState): OperatorActionPort {
  return {
    requeueEvent: async (inboxId, action, now) => requeue(state, inboxId, action, iso(now)),
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
        else if (requeue(state, event.id, action, nowIso, { failureId }) === 'requeued') requeued.push(event.id);
      }
      if (action !== 'ignore') state.resolveIfSettled(failureId, nowIso);
      return { failureId, outcome: transition.next === 'ignored' ? 'ignored' : 'retrying', requeued, message: failureActionMessage(action, requeued) };
    },
  };
}
