import type { Logger } from 'pino';
import type { LedgerPort, MirrorPort, OperatorQueryPort } from '../store/store';
import type { ErpnextPort } from '../worker/erpnext-port';
import { syncLogEntry } from './sync-log-entry';

export interface MirrorDeps {
  /** resourceVersion, when the store has it, names a payment's order (#1042) from the order's stored state. */
  readonly store: MirrorPort & OperatorQueryPort & Partial<Pick<LedgerPort, 'resourceVersion'>>;
  readonly erpnext: Pick<ErpnextPort, 'callMethod'>;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly batch: number;
}

async function orderSnapshot(deps: MirrorDeps, resourceKey: string): Promise<string | null> {
  return (await deps.store.resourceVersion?.(resourceKey))?.snapshot ?? null;
}

export interface MirrorResult {
  readonly sent: number;
  readonly recorded: number;
  readonly rejected: number;
}

interface EntryResult {
  readonly event_id: string | null;
  readonly ok: boolean;
  readonly result: string;
  readonly message: string;
}

/**
 * Sends settled events (status, reason, evidence trail) to ERPNext's Sync Log in one call of the
 * app's idempotent `record_sync_logs`, and marks what ERPNext answered for: recorded entries, and
 * entries it refused as invalid (sending them again would not change the answer; they are logged).
 * When the call itself fails (ERPNext down, app not installed) nothing is marked and the next round
 * sends the same batch again: resending is safe because the app upserts by event id.
 */
export async function mirrorSyncLogs(deps: MirrorDeps): Promise<MirrorResult> {
  // Marked as mirrored at the time the batch was read, not when ERPNext answered: an event that settles
  // again while the call is in flight (another worker, another runner) then stays due for the next round.
  const readAt = deps.now();
  const events = await deps.store.eventsToMirror(deps.batch);
  if (events.length === 0) return { sent: 0, recorded: 0, rejected: 0 };
  let answered: typeof events = [];
  try {
    const entries = await Promise.all(
      events.map(async (event) => syncLogEntry(event, await deps.store.evidence(event.id), await deps.store.getEvent(event.id), await orderSnapshot(deps, event.resourceKey))),
    );
    const results = (await deps.erpnext.callMethod('shopsync.api.record_sync_logs', { entries }, { verb: 'POST' })) as EntryResult[] | undefined;
    answered = events.filter((_, index) => results?.[index] !== undefined && results[index]!.result !== 'error');
    for (const [index, outcome] of (results ?? []).entries()) {
      if (!outcome.ok) deps.logger.warn({ eventId: entries[index]?.event_id, result: outcome.result, message: outcome.message }, 'sync_log.refused');
    }
    return { sent: events.length, recorded: (results ?? []).filter((outcome) => outcome.ok).length, rejected: (results ?? []).filter((outcome) => !outcome.ok).length };
  } finally {
    // Every round that read a batch ends here, a failed one marking nothing: the PostgreSQL store
    // gives the mirror's turn back to the other runners when its round is marked (store/postgres/mirror-port.ts).
    await deps.store.markMirrored(answered.map((event) => event.id), readAt);
  }
}
