import type { MirrorPort } from '../ports/mirror-port';
import { eventSummary, iso, type MemoryState } from './memory-state';

export function memoryMirrorPort(state: MemoryState): MirrorPort {
  return {
    // events-to-mirror.ts: settled, and settled again since the Sync Log last showed it.
    eventsToMirror: async (limit) =>
      [...state.events.values()]
        .filter((event) => event.finishedAt !== null && event.status !== 'pending' && event.status !== 'claimed' && (event.mirroredAt === null || event.mirroredAt < event.finishedAt))
        .sort((a, b) => a.id - b.id)
        .slice(0, limit)
        .map(eventSummary),
    markMirrored: async (inboxIds, now) => {
      for (const id of inboxIds) {
        const event = state.events.get(id);
        if (event !== undefined) event.mirroredAt = iso(now);
      }
    },
  };
}
