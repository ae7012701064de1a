import { startErpnext } from './erpnext-child';
import { fillPendingMade, timeClaims } from './fill-store';
import { removeDir, sleep, tempDir } from './processes';
import { readMetrics, serveIn, writeServeConfig } from './serve-rig';
import { orderTemplates, type Webhook } from './shopify-webhooks';

/** The new serve's /metrics is read this often (each read costs serve a count of the inbox). */
const POLL_MS = 100;
/** Distinct order bodies the backlog is cut from, each under fresh order ids. */
const TEMPLATES = 50;
/** Results of shopsync_events_settled_total that put an event back rather than settle it. */
const NOT_FINAL = new Set(['retry', 'waiting', 'deferred', 'lost_claim']);

export interface DrainResult {
  /** Events pending when serve started, and the first of them the rate is taken over. */
  readonly backlog: number;
  readonly measured: number;
  /** Events settled per second, from serve's runner.started line until /metrics counted `measured` settled. */
  readonly perSecond: number;
  /** The orders flow's mode: shadow, the default rollout — each event planned and recorded, nothing written to ERPNext. */
  readonly mode: 'shadow';
  readonly seconds: number;
  /** One claimNext through the runner's store on the filled file, before serve started: the median of five after a first (cold) one, and that first one. */
  readonly claimMs: number;
  readonly firstClaimMs: number;
  readonly fillSeconds: number;
  readonly meanBodyBytes: number;
  readonly settledBy: Record<string, number>;
}

/**
 * A state file with `backlog` orders/create events pending (each its own order: the Shopify
 * simulator's bodies, ~8.5 KB, under fresh ids, stored as the ingress stores them), then `shopsync
 * serve` started on it as a user runs it — workers on, every setting at its default, so the orders
 * flow in shadow mode: how fast it settles the first `measured` of them, and what one claim costs at
 * that backlog. Issue 11: claims used to cost in proportion to the backlog (240–290 ms each at 100k).
 */
export async function drain(options: { backlog: number; measured: number }): Promise<DrainResult> {
  const measured = Math.min(options.measured, options.backlog);
  const dir = tempDir('drain');
  const erp = await startErpnext();
  try {
    const { shop, templates, meanBytes } = orderTemplates(TEMPLATES, 41);
    const { configPath, statePath } = await writeServeConfig(dir, shop, erp.url, 'shadow');
    const triggeredAt = new Date().toISOString();
    const webhookAt = (i: number): Webhook => ({
      topic: 'orders/create',
      webhookId: `drain-${i}`,
      eventId: `drain-event-${i}`,
      triggeredAt,
      apiVersion: '2026-10',
      body: templates[i % templates.length]!.join(String(5_000_000_000_000 + i)),
    });
    const fillStarted = performance.now();
    await fillPendingMade(statePath, shop, options.backlog, webhookAt);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const claims = await timeClaims(statePath);
    const serve = await serveIn(dir, configPath);
    try {
      for (;;) {
        const m = await readMetrics(serve.url);
        const settled = Object.entries(m.settled).reduce((sum, [result, n]) => sum + (NOT_FINAL.has(result) ? 0 : n), 0);
        if (settled >= measured) {
          const seconds = (performance.now() - serve.startedAt) / 1000;
          const perSecond = Math.round(settled / seconds);
          return {
            backlog: options.backlog,
            measured: settled,
            perSecond,
            mode: 'shadow',
            seconds: Math.round(seconds * 10) / 10,
            claimMs: Math.round(claims.warmMs * 100) / 100,
            firstClaimMs: Math.round(claims.coldMs * 100) / 100,
            fillSeconds: Math.round(fillSeconds * 10) / 10,
            meanBodyBytes: meanBytes,
            settledBy: m.settled,
          };
        }
        if (performance.now() - serve.startedAt > 600_000) throw new Error(`serve settled ${settled} of ${measured} events within 600 s`);
        await sleep(POLL_MS);
      }
    } finally {
      await serve.stop();
    }
  } finally {
    await erp.stop();
    removeDir(dir);
  }
}
