import type { LifecyclePort, RetentionPort } from '../ports/upkeep-ports';
import type { PruneResult } from '../store-records';
import { iso, type MemoryState } from './memory-state';

const DONE: readonly string[] = ['applied', 'duplicate', 'superseded', 'echo', 'skipped'];

function removeWhere<T>(rows: T[], doomed: (row: T) => boolean): number {
  const kept = rows.filter((row) => !doomed(row));
  const removed = rows.length - kept.length;
  rows.splice(0, rows.length, ...kept);
  return removed;
}

/** prune-evidence.ts: resolved failures first, then settled events no failure points at, with their rows. */
function prune(state: MemoryState, cutoff: string): PruneResult {
  const held = (id: number) => [...state.events.values()].some((event) => event.failureId === id);
  const stale = [...state.failures.values()].filter((f) => f.status === 'resolved' && (f.resolvedAt ?? '') < cutoff && !held(f.id));
  for (const failure of stale) state.failures.delete(failure.id);
  const pointedAt = new Set([...state.failures.values()].map((f) => f.inboxId));
  const doomed = new Set([...state.events.values()].filter((e) => DONE.includes(e.status) && (e.finishedAt ?? '') < cutoff && !pointedAt.has(e.id)).map((e) => e.id));
  const evidence = removeWhere(state.evidence, (row) => doomed.has(row.inboxId));
  const deliveries = removeWhere(state.deliveries, (row) => doomed.has(row.inboxId));
  for (const id of doomed) {
    const event = state.events.get(id)!;
    state.webhookIds.delete(`${event.shop}\n${event.webhookId}`);
    state.events.delete(id);
  }
  return { events: doomed.size, evidence, deliveries: doomed.size + deliveries, failures: stale.length };
}

export function memoryRetentionPort(state: MemoryState): RetentionPort {
  return {
    pruneEvidence: async (olderThan) => prune(state, iso(olderThan)),
  };
}

/** Nothing to reach in memory: ping fails only once closed, as the SQLite store's does. */
export function memoryLifecyclePort(): LifecyclePort {
  let closed = false;
  return {
    ping: async () => {
      if (closed) throw new Error('the store is closed');
    },
    close: async () => {
      closed = true;
    },
  };
}
