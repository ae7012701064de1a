import type { MemEventState, MemoryState } from './memory-state';
import { MOOT_CODES, appliesLatestState, madeMoot, mootReason } from '../moot-failures';

/** The in-memory twin of sql/supersede-moot-failures.ts: the same rows change, the same evidence is written. */
export function supersedeMootFailures(state: MemoryState, applied: MemEventState, nowIso: string): void {
  const version = state.versions.get(applied.resourceKey);
  if (version === undefined || !appliesLatestState(applied.topic)) return;
  const latest = { versionMs: version.versionMs, snapshot: version.snapshot };
  const moot = [...state.events.values()]
    .filter((event) => event.resourceKey === applied.resourceKey && event.status === 'failed' && event.failureId !== null)
    .sort((a, b) => a.id - b.id)
    .map((event) => ({ event, failure: state.failures.get(event.failureId!)! }))
    .filter(({ event, failure }) => failure.status === 'open' && MOOT_CODES.includes(failure.code) && madeMoot({ topic: event.topic, code: failure.code, payload: event.payload, refreshFirst: event.refreshFirst }, latest));
  if (moot.length === 0) return;
  for (const { event, failure } of moot) {
    const reason = mootReason(applied.id, applied.topic, failure.code);
    Object.assign(event, { status: 'superseded', reason, finishedAt: nowIso, failureId: null });
    state.addEvidence(event.id, 'made_moot', { status: 'superseded', reason, byEvent: applied.id, failureId: failure.id, code: failure.code }, nowIso);
  }
  const failureIds = [...new Set(moot.map(({ failure }) => failure.id))];
  for (const failureId of failureIds) state.resolveIfSettled(failureId, nowIso);
  state.addEvidence(applied.id, 'resolved_moot', { events: moot.map(({ event }) => event.id), failures: failureIds }, nowIso);
}
