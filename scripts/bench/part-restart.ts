import { join } from 'node:path';
import { startErpnext } from './erpnext-child';
import { fillPending } from './fill-store';
import { removeDir, sleep, startServe, tempDir } from './processes';
import { readMetrics, writeServeConfig, type ServeMetrics } from './serve-rig';
import { paidOrderWebhooks } from './shopify-webhooks';

export const RESTART_GOAL_MS = 2_000;
/** The new serve's /metrics is read this often from the spawn on: the figure's resolution (each read costs serve a count of the inbox). */
const POLL_MS = 20;

export interface RestartDetail {
  /** From spawning the new serve to its runner.started log line (listening, workers started). */
  readonly listeningMs: number;
  readonly backlog: number;
  /** Events settled by the first serve before it was killed. */
  readonly settledBeforeKill: number;
  readonly goalMet: boolean;
}

/** serve's /metrics at this address, or null while nothing listens there yet. */
async function metricsOrNull(url: string): Promise<ServeMetrics | null> {
  try {
    return await readMetrics(url);
  } catch {
    return null;
  }
}

/**
 * A state file with `backlog` events of new paid orders (orders/create + order_transactions/create,
 * as the ingress stores them) pending; serve (flows.orders live) drains it until it has applied a
 * few, is SIGKILLed mid-drain, and is spawned again on the same file: ms from that spawn until its
 * /metrics (polled every POLL_MS from the spawn on) first counts an applied event. serve writes no
 * log line per applied event at its default level, so the counter is the first sign of one.
 */
export async function restart(options: { backlog: number }): Promise<{ readonly restartMs: number; readonly detail: RestartDetail }> {
  const dir = tempDir('restart');
  const erp = await startErpnext();
  try {
    const { shop, webhooks } = paidOrderWebhooks(Math.ceil(options.backlog / 2), 31);
    const backlogWebhooks = webhooks.slice(0, options.backlog);
    const { configPath, statePath } = await writeServeConfig(dir, shop, erp.url, 'live');
    await fillPending(statePath, shop, backlogWebhooks);
    const first = await startServe(configPath, join(dir, 'serve-1.log'));
    let settledBeforeKill = 0;
    for (let waited = 0; ; waited += 20) {
      const m = await readMetrics(first.url);
      settledBeforeKill = m.settled.applied ?? 0;
      if (settledBeforeKill >= Math.min(50, Math.floor(options.backlog / 10))) break;
      if (waited > 120_000) throw new Error('serve applied nothing of the backlog within 120 s');
      await sleep(20);
    }
    await first.stop('SIGKILL');
    const url = first.url;
    const spawnedAt = performance.now();
    const second = startServe(configPath, join(dir, 'serve-2.log'));
    let appliedAt = 0;
    for (;;) {
      const m = await metricsOrNull(url);
      if (m !== null && (m.settled.applied ?? 0) > 0) {
        appliedAt = performance.now();
        break;
      }
      if (performance.now() - spawnedAt > 120_000) throw new Error('the restarted serve applied nothing within 120 s');
      await sleep(POLL_MS);
    }
    const serve = await second;
    await serve.stop();
    const restartMs = Math.round(appliedAt - spawnedAt);
    return { restartMs, detail: { listeningMs: Math.round(serve.startedAt - serve.spawnedAt), backlog: backlogWebhooks.length, settledBeforeKill, goalMet: restartMs <= RESTART_GOAL_MS } };
  } finally {
    await erp.stop();
    removeDir(dir);
  }
}
