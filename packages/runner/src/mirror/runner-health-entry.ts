import { retryingFailures, type HealthReport } from './health-report';

const DATA_MAX = 140;

/** Who the runner is in the Desk: fixed for its lifetime. */
export interface RunnerIdentity {
  /** Sync Runner's name (`mirror.runnerName`, else `defaultRunnerName`). */
  readonly runnerName: string;
  readonly version: string;
  readonly shops: readonly string[];
  readonly startedAt: Date;
  /** The interval the runner promises (`mirror.heartbeatSeconds`); the Desk calls it Silent after three missed. */
  readonly heartbeatSeconds: number;
}

/** `<host>:<port>`: unique per runner on a host, and stable across restarts so a restart updates the same row. */
export function defaultRunnerName(hostname: string, port: number): string {
  return `${hostname}:${port}`.slice(0, DATA_MAX);
}

/**
 * The entry of `shopsync.api.record_runner_health` (frappe_app/shopsync/runner_health.py): who the runner
 * is, its backlog and failures, the last success per flow and, when ERPNext can be probed, whether the
 * outage breaker is open; when Shopify can be probed, the shops whose Shopify breaker is open (empty
 * when none: the Desk then clears them). No time of the beat: the site stamps last_heartbeat with its own clock.
 */
export function runnerHealthEntry(identity: RunnerIdentity, health: HealthReport, erpnextOutage: boolean | null, shopifyOutages: readonly string[] | null = null) {
  return {
    runner_name: identity.runnerName.slice(0, DATA_MAX),
    version: identity.version.slice(0, DATA_MAX),
    shops: [...identity.shops],
    started_at: identity.startedAt.toISOString(),
    heartbeat_seconds: identity.heartbeatSeconds,
    pending: health.backlog.pending,
    claimed: health.backlog.claimed,
    open_failures: health.openFailures,
    retrying_failures: retryingFailures(health),
    ...(erpnextOutage === null ? {} : { erpnext_outage: erpnextOutage }),
    ...(shopifyOutages === null ? {} : { shopify_outages: [...shopifyOutages] }),
    flows: health.lastSuccess.map((row) => ({ flow: row.flow.slice(0, DATA_MAX), last_success: row.at, topic: row.topic.slice(0, DATA_MAX) })),
  };
}

export type RunnerHealthEntry = ReturnType<typeof runnerHealthEntry>;
