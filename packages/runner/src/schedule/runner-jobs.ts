import type { Config } from '../config/config-schema';
import type { Scheduler } from './scheduler';

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface RunnerJobs {
  readonly config: Pick<Config, 'mirror' | 'reconcile'>;
  readonly now: () => Date;
  readonly prune: () => Promise<unknown>;
  readonly mirror: () => Promise<unknown>;
  readonly mirrorFailures: () => Promise<unknown>;
  /** One heartbeat to the Desk's Sync Runner (never rejects); absent: none. */
  readonly heartbeat?: () => Promise<unknown>;
  /** One scheduled reconciliation round over the lookback window; absent: none. */
  readonly reconcile?: (since: Date) => Promise<void>;
  /** One read of each shop's ERPNext Stock Ledger (ERPNext → Shopify stock and fulfillments); absent: none. */
  readonly stockTail?: { readonly everyMs: number; readonly run: () => Promise<unknown> };
}

/**
 * The periodic jobs of a runner whose workers run, each on the scheduler with the interval and the
 * failure event it had as a hand-written timer: the retention prune hourly (and once at start), the
 * Sync Log and Sync Failure mirrors every `mirror.intervalMs` when enabled, and the reconcile round
 * every `reconcile.intervalMinutes` when set, and the Stock Ledger tail every `stock.pollMs` when a
 * flow from ERPNext is on. The heartbeat goes every `mirror.heartbeatSeconds` while mirroring is on (a
 * runner that mirrors nothing may run without the companion app, whose Sync Runner would not exist);
 * like the mirrors, not at start: a runner that stops within its first interval sends nothing.
 */
export function scheduleJobs(scheduler: Scheduler, jobs: RunnerJobs): void {
  const { config } = jobs;
  scheduler.every('store.prune', PRUNE_EVERY_MS, jobs.prune, { failedEvent: 'store.prune_failed', level: 'error', immediately: true });
  if (config.mirror.syncLogs) scheduler.every('sync_log.mirror', config.mirror.intervalMs, jobs.mirror, { failedEvent: 'sync_log.mirror_failed' });
  if (config.mirror.syncFailures) scheduler.every('sync_failure.mirror', config.mirror.intervalMs, jobs.mirrorFailures, { failedEvent: 'sync_failure.mirror_failed' });
  const beat = jobs.heartbeat;
  const { heartbeatSeconds } = config.mirror;
  if (beat !== undefined && heartbeatSeconds !== null && (config.mirror.syncLogs || config.mirror.syncFailures)) {
    scheduler.every('runner.heartbeat', heartbeatSeconds * 1000, beat, { failedEvent: 'runner_health.failed' });
  }
  if (jobs.stockTail !== undefined) scheduler.every('stock.tail', jobs.stockTail.everyMs, jobs.stockTail.run, { failedEvent: 'stock.tail_failed', immediately: true });
  const round = jobs.reconcile;
  const { intervalMinutes, lookbackHours } = config.reconcile;
  if (round !== undefined && intervalMinutes !== null) {
    scheduler.every('reconcile', intervalMinutes * 60_000, () => round(new Date(jobs.now().getTime() - lookbackHours * HOUR_MS)), { failedEvent: 'reconcile.failed' });
  }
}
