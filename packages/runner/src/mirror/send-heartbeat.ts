import type { Logger } from 'pino';
import type { OperatorQueryPort } from '../store/store';
import type { ErpnextPort } from '../worker/erpnext-port';
import type { OutageBreaker } from '../worker/outage-breaker';
import { healthReport } from './health-report';
import { runnerHealthEntry, type RunnerIdentity } from './runner-health-entry';

export interface HeartbeatDeps {
  readonly store: Pick<OperatorQueryPort, 'counts' | 'failureCounts' | 'lastApplied'>;
  readonly erpnext: Pick<ErpnextPort, 'callMethod'>;
  readonly identity: RunnerIdentity;
  /** Whether the ERPNext outage breaker is open; null when there is no breaker. */
  readonly erpnextOutage: () => boolean | null;
  /** The shops whose Shopify outage breaker is open; null (or absent) when no shop has a breaker. */
  readonly shopifyOutages?: () => readonly string[] | null;
  readonly logger: Pick<Logger, 'warn'>;
}

export interface HeartbeatResult {
  readonly ok: boolean;
  /** The app's answer (`created`, `updated`, `invalid`, `error`), or `unsent` when the call itself failed. */
  readonly result: string;
  readonly message: string;
  /** When the site recorded it, by the site's clock. */
  readonly lastHeartbeat: string | null;
}

interface HealthAnswer {
  readonly ok?: boolean;
  readonly result?: string;
  readonly message?: string;
  readonly last_heartbeat?: string | null;
}

/** The shops whose breaker is open, sorted so the same outage always reads the same; null without breakers. */
export function openShopifyOutages(breakers: ReadonlyMap<string, Pick<OutageBreaker, 'isOpen'>>): string[] | null {
  if (breakers.size === 0) return null;
  return [...breakers].filter(([, breaker]) => breaker.isOpen()).map(([shop]) => shop).sort();
}

/**
 * One heartbeat: the runner's health to the companion app's Sync Runner through
 * `shopsync.api.record_runner_health`. A heartbeat that does not arrive is what the Desk watches for
 * (a silent runner), so a failed call is an expected outcome, not an exception: it is logged
 * (`runner_health.unsent`, or `runner_health.refused` for an entry the app refuses) and the next
 * beat sends a fresh one. Resending is safe: the app upserts by runner name.
 */
export async function sendHeartbeat(deps: HeartbeatDeps): Promise<HeartbeatResult> {
  let answer: HealthAnswer | undefined;
  try {
    const entry = runnerHealthEntry(deps.identity, await healthReport(deps.store), deps.erpnextOutage(), deps.shopifyOutages?.() ?? null);
    answer = (await deps.erpnext.callMethod('shopsync.api.record_runner_health', { entry }, { verb: 'POST' })) as HealthAnswer | undefined;
  } catch (error) {
    deps.logger.warn({ err: error, runnerName: deps.identity.runnerName }, 'runner_health.unsent');
    return { ok: false, result: 'unsent', message: error instanceof Error ? error.message : String(error), lastHeartbeat: null };
  }
  const result = { ok: answer?.ok === true, result: answer?.result ?? 'error', message: answer?.message ?? '', lastHeartbeat: answer?.last_heartbeat ?? null };
  if (!result.ok) deps.logger.warn({ runnerName: deps.identity.runnerName, result: result.result, message: result.message }, 'runner_health.refused');
  return result;
}
