import type { ShopifySimulator } from '@shopsync/simulators';
import type { ChaosWorkload } from './chaos-workload';
import type { FaultDriver } from './fault-driver';
import type { InboxWatch } from './inbox-watch';

const TICK_MS = 50;
/** Shopify keeps selling while the runner is down: a wave comes at least this often, progress or not. */
const WAVE_AT_LEAST_EVERY_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoopParts {
  readonly shopify: ShopifySimulator;
  readonly workload: ChaosWorkload;
  readonly driver: FaultDriver;
  readonly watch: InboxWatch;
  readonly onProgress: (line: string) => void;
}

/** Nothing waiting in Shopify (a delivery queued, in flight or waiting to retry) nor in the inbox. */
function idle(parts: LoopParts): boolean {
  return parts.shopify.webhooks.deliveries().every((delivery) => delivery.status !== 'pending') && parts.watch.unfinished() === 0;
}

/**
 * The workload's waves, paced by the runner's progress (ERPNext writes) but never slower than one
 * every 1.5 s, with the fault plan carried out as the writes pass its moments. Then whatever the
 * plan still holds is done once everything is idle (`late`), and an outage is waited out.
 */
export async function runWorkloadUnderFaults(parts: LoopParts, writesPerWave: number): Promise<void> {
  const { workload, driver } = parts;
  let nextWaveAt = 0;
  let lastWave = 0;
  while (workload.remaining > 0) {
    await driver.tick();
    const writes = driver.writes();
    if (writes >= nextWaveAt || Date.now() - lastWave >= WAVE_AT_LEAST_EVERY_MS) {
      workload.step();
      lastWave = Date.now();
      nextWaveAt = writes + writesPerWave;
      if (workload.remaining % 10 === 0) {
        const { pending, claimed } = parts.watch.backlog();
        parts.onProgress(`workload: ${workload.counts.placed} orders placed, ${workload.remaining} waves to go; inbox ${pending} pending, ${claimed} claimed; ERPNext writes ${writes}`);
      }
    }
    await sleep(TICK_MS);
  }
  parts.onProgress(`workload placed: ${JSON.stringify(workload.counts)}`);
  let checkedAt = 0;
  while (driver.busy) {
    // Scanning Shopify's delivery log is linear: twice a second is enough.
    const late = Date.now() - checkedAt >= 500 && idle(parts);
    if (late) checkedAt = Date.now();
    await driver.tick(late);
    await sleep(TICK_MS);
  }
}

/**
 * Quiescence: Shopify has delivered everything, its retries of webhooks that failed while serve was
 * dead included, and the inbox holds no pending or claimed event — seen twice, 200 ms apart. False
 * when it does not come within `timeoutMs`.
 */
export async function settle(parts: LoopParts, timeoutMs: number): Promise<{ readonly ok: boolean; readonly waitedMs: number }> {
  const started = Date.now();
  let delivered = false;
  void parts.shopify.webhooks.drain().then(() => (delivered = true));
  let quietChecks = 0;
  while (Date.now() - started < timeoutMs) {
    await parts.driver.tick();
    quietChecks = delivered && parts.watch.unfinished() === 0 ? quietChecks + 1 : 0;
    if (quietChecks >= 2) return { ok: true, waitedMs: Date.now() - started };
    await sleep(200);
  }
  return { ok: false, waitedMs: Date.now() - started };
}
