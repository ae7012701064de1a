import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING, freePort } from '@shopsync/demo';
import { parseConfig, type ConfigInput } from '@shopsync/runner';
import { ERP_KEY, ERP_SECRET } from './erpnext-child';
import { startServe, type Serve } from './processes';
import { WEBHOOK_SECRET } from './shopify-webhooks';

export type OrdersMode = 'shadow' | 'live';

/**
 * serve's config for a scenario: every setting at its production default except the addresses, the
 * state file and — for live — flows.orders. Written to FILE for `shopsync serve --config FILE`.
 */
/**
 * `--concurrency N` (BENCH_CONCURRENCY): worker.concurrency and erpnext.concurrency for every serve the
 * benchmark starts; null keeps the production default (4), and the report names what was used.
 */
export function benchConcurrency(): number | null {
  const index = process.argv.indexOf('--concurrency');
  const raw = index === -1 ? process.env.BENCH_CONCURRENCY : process.argv[index + 1];
  if (raw === undefined || raw === '') return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--concurrency must be a whole number of at least 1, got ${raw}`);
  return value;
}

export async function writeServeConfig(dir: string, shop: string, erpnextUrl: string, orders: OrdersMode): Promise<{ readonly configPath: string; readonly statePath: string; readonly webhookPath: string }> {
  const statePath = join(dir, 'state.sqlite');
  const concurrency = benchConcurrency();
  const config: ConfigInput = {
    shops: [{ domain: shop, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: erpnextUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET, ...(concurrency === null ? {} : { concurrency }) },
    ...(concurrency === null ? {} : { worker: { concurrency } }),
    store: { path: statePath },
    server: { port: await freePort() },
    mapping: DEMO_MAPPING,
    ...(orders === 'live' ? { flows: { orders: 'live' } } : {}),
  };
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(`benchmark config is invalid: ${parsed.problems.join('; ')}`);
  const configPath = join(dir, 'shopsync.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return { configPath, statePath, webhookPath: parsed.config.server.webhookPath };
}

export function serveIn(dir: string, configPath: string, logName = 'serve.log'): Promise<Serve> {
  return startServe(configPath, join(dir, logName));
}

/** The figures of serve's /metrics the benchmark reads (Prometheus text, label sets as written). */
export interface ServeMetrics {
  readonly pending: number;
  readonly claimed: number;
  readonly accepted: number;
  readonly settled: Record<string, number>;
}

export async function readMetrics(serveUrl: string): Promise<ServeMetrics> {
  const response = await fetch(`${serveUrl}/metrics`);
  const text = await response.text();
  const value = (name: string, label: string) => Number(new RegExp(`^${name}\\{${label}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const settled: Record<string, number> = {};
  for (const match of text.matchAll(/^shopsync_events_settled_total\{result="([^"]+)"\} (\S+)$/gm)) settled[match[1]!] = Number(match[2]);
  return {
    pending: value('shopsync_backlog_events', 'state="pending"'),
    claimed: value('shopsync_backlog_events', 'state="claimed"'),
    accepted: value('shopsync_webhooks_received_total', 'outcome="accepted"'),
    settled,
  };
}

/** Polls /metrics until no event is pending or claimed; resolves with the epoch ms it saw that. */
export async function waitSettled(serveUrl: string, timeoutMs: number, everyMs = 10): Promise<number> {
  const started = performance.now();
  for (;;) {
    const m = await readMetrics(serveUrl);
    if (m.pending === 0 && m.claimed === 0) return performance.timeOrigin + performance.now();
    if (performance.now() - started > timeoutMs) throw new Error(`serve did not settle within ${timeoutMs} ms (${m.pending} pending, ${m.claimed} claimed)`);
    await new Promise<void>((resolve) => setTimeout(resolve, everyMs));
  }
}
