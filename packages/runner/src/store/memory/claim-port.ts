import type { Claim, ClaimPort, ParkedFailure } from '../ports/claim-port';
import type { TerminalStatus } from '../store-records';
import { storedResource } from '../stored-resource';
import { memoryLedgerPort } from './ledger-port';
import { supersedeMootFailures } from './memory-moot-failures';
import { iso, type MemEventState, type MemFailure, type MemoryState } from './memory-state';

/** The fence of settle-event.ts: only the current, unexpired holder may settle. */
function held(state: MemoryState, claim: Claim): MemEventState | null {
  const event = state.events.get(claim.inboxId);
  return event?.status === 'claimed' && event.claimedBy === claim.workerId && event.claimToken === claim.token ? event : null;
}

function settle(state: MemoryState, event: MemEventState, status: TerminalStatus, reason: string | null, nowIso: string): void {
  Object.assign(event, { status, reason, finishedAt: nowIso, claimedBy: null, claimToken: null, claimExpiresAt: null });
  state.addEvidence(event.id, 'result', { status, reason }, nowIso);
}

/** park-event.ts; also how a reconcile finding is parked (inbox-port.ts), as record-finding.ts does. */
export function parkClaimed(state: MemoryState, claim: Claim, failure: ParkedFailure, nowIso: string): boolean {
  const event = held(state, claim);
  if (event === null) return false;
  const previousFailure = event.failureId;
  settle(state, event, 'failed', failure.message, nowIso);
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
}

export function memoryClaimPort(state: MemoryState): ClaimPort {
  // A settle makes the worker's kept writes first (ClaimPort); nothing here can fail half way.
  const ledger = memoryLedgerPort(state);
  return {
    claimNext: async (workerId, token, now, leaseMs) => {
      const event = state.claimable(iso(now));
      if (event === undefined) return null;
      Object.assign(event, { status: 'claimed', claimedBy: workerId, claimToken: token, claimExpiresAt: iso(new Date(now.getTime() + leaseMs)), attempts: event.attempts + 1 });
      const { shop, webhookId, topic, resourceKey, payload, attempts, refreshFirst } = event;
      const retryingSince = event.retryingSince === null ? null : new Date(event.retryingSince);
      const version = state.versions.get(resourceKey);
      const applied = { version: version?.version ?? null, snapshot: version?.snapshot ?? null };
      return { claim: { inboxId: event.id, workerId, token }, shop, webhookId, topic, resourceKey, resource: storedResource(shop, resourceKey), payload, attempts, refreshFirst, retryingSince, applied };
    },
    finish: async (claim, status, reason, now, writes = []) => {
      await ledger.recordAll(writes);
      const event = held(state, claim);
      if (event === null) return false;
      const previousFailure = event.failureId;
      settle(state, event, status, reason, iso(now));
      event.failureId = null;
      state.resolveIfSettled(previousFailure, iso(now));
      if (status === 'applied') supersedeMootFailures(state, event, iso(now));
      for (const sibling of state.events.values()) {
        if (sibling.resourceKey === event.resourceKey && sibling.status === 'pending' && sibling.availableAt > iso(now)) sibling.availableAt = iso(now);
      }
      return true;
    },
    scheduleRetry: async (claim, availableAt, reason, now, writes = []) => {
      await ledger.recordAll(writes);
      const event = held(state, claim);
      if (event === null) return false;
      Object.assign(event, { status: 'pending', availableAt: iso(availableAt), reason, claimedBy: null, claimToken: null, claimExpiresAt: null, retryingSince: event.retryingSince ?? iso(now) });
      state.addEvidence(event.id, 'retry_scheduled', { availableAt: iso(availableAt), reason }, iso(now));
      return true;
    },
    deferEvent: async (claim, kind, availableAt, reason, now, writes = []) => {
      await ledger.recordAll(writes);
      const event = held(state, claim);
      if (event === null) return false;
      const retryingSince = kind === 'waiting' ? (event.retryingSince ?? iso(now)) : event.retryingSince;
      Object.assign(event, { status: 'pending', availableAt: iso(availableAt), reason, claimedBy: null, claimToken: null, claimExpiresAt: null, attempts: Math.max(event.attempts - 1, 0), retryingSince });
      state.addEvidence(event.id, 'deferred', { kind, availableAt: iso(availableAt), reason }, iso(now));
      return true;
    },
    park: async (claim, failure, now, writes = []) => {
      await ledger.recordAll(writes);
      return parkClaimed(state, claim, failure, iso(now));
    },
  };
}
