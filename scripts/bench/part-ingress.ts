import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startErpnext } from './erpnext-child';
import { forkScript, nextMessage, removeDir, stopChild, tempDir } from './processes';
import { percentile, round1, runClient } from './run-client';
import { readMetrics, serveIn, writeServeConfig, type OrdersMode } from './serve-rig';
import { orderTemplates, WEBHOOK_SECRET, writeJson } from './shopify-webhooks';

export const INGRESS_GOAL = { ratio: 0.6, p99Ms: 20 } as const;

export interface IngressRun {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly statuses: Record<string, number>;
  readonly sent: number;
}

export interface IngressMode extends IngressRun {
  readonly floorPerSecond: number;
  readonly ratio: number;
  readonly goalMet: boolean;
  /** Events serve's workers settled during the run (from its /metrics at the end). */
  readonly settledDuringRun: number;
}

export interface IngressResult {
  readonly connections: number;
  readonly seconds: number;
  readonly meanBodyBytes: number;
  readonly floor: IngressRun;
  readonly shadow: IngressMode | null;
  readonly live: IngressMode | null;
}

interface Load {
  readonly connections: number;
  readonly seconds: number;
  readonly shop: string;
  readonly templatesFile: string;
}

/** serve's settle results that end an event (the others put it back). */
const TERMINAL_RESULTS = ['applied', 'skipped', 'superseded', 'failed'] as const;

let idBase = 6_000_000_000_000;

async function load(url: string, l: Load): Promise<IngressRun> {
  idBase += 100_000_000;
  const r = await runClient({ mode: 'timed', url, connections: l.connections, shop: l.shop, secret: WEBHOOK_SECRET, templatesFile: l.templatesFile, idBase, warmupMs: 1_000, durationMs: l.seconds * 1_000 });
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return { perSecond: Math.round((r.statuses['200'] ?? 0) / l.seconds), p50Ms: round1(percentile(sorted, 50)), p99Ms: round1(percentile(sorted, 99)), statuses: r.statuses, sent: r.sent };
}

/** The bare floor server (floor-server.ts) as a child, loaded like serve. */
async function floor(dir: string, l: Load): Promise<IngressRun> {
  const child = forkScript('floor-server.ts', [JSON.stringify({ path: join(dir, 'floor.sqlite'), secret: WEBHOOK_SECRET })]);
  try {
    const { url } = await nextMessage<{ type: 'listening'; url: string }>(child, 'listening');
    return await load(url, l);
  } finally {
    await stopChild(child);
  }
}

/** serve (workers on) with flows.orders in `mode`, the ERPNext simulator behind it, loaded for the run. */
async function serveRun(dir: string, l: Load, mode: OrdersMode): Promise<IngressRun & { settledDuringRun: number }> {
  const erp = await startErpnext();
  try {
    const { configPath, webhookPath } = await writeServeConfig(dir, l.shop, erp.url, mode);
    const serve = await serveIn(dir, configPath, `serve-${mode}.log`);
    try {
      const run = await load(`${serve.url}${webhookPath}`, l);
      const m = await readMetrics(serve.url);
      const settledDuringRun = TERMINAL_RESULTS.reduce((sum, result) => sum + (m.settled[result] ?? 0), 0);
      return { ...run, settledDuringRun };
    } finally {
      // The backlog the load left is thrown away with the temp dir: no need to wait for a graceful stop
      // (unless serve is being profiled, BENCH_SERVE_NODE_ARGS: its profile is written when it exits).
      await serve.stop(process.env.BENCH_SERVE_NODE_ARGS === undefined ? 'SIGKILL' : 'SIGTERM');
    }
  } finally {
    await erp.stop();
  }
}

export async function ingress(options: { connections: number; seconds: number; modes: readonly OrdersMode[] }): Promise<IngressResult> {
  const dir = tempDir('ingress');
  try {
    const { shop, templates, meanBytes } = orderTemplates(200, 1);
    const l: Load = { connections: options.connections, seconds: options.seconds, shop, templatesFile: writeJson(join(dir, 'templates.json'), templates) };
    const floorRun = await floor(dir, l);
    const modes: Partial<Record<OrdersMode, IngressMode>> = {};
    for (const mode of options.modes) {
      const modeDir = join(dir, mode);
      mkdirSync(modeDir);
      const run = await serveRun(modeDir, l, mode);
      const ratio = Math.round((run.perSecond / Math.max(1, floorRun.perSecond)) * 100) / 100;
      modes[mode] = { ...run, floorPerSecond: floorRun.perSecond, ratio, goalMet: ratio >= INGRESS_GOAL.ratio && run.p99Ms < INGRESS_GOAL.p99Ms };
    }
    return { connections: options.connections, seconds: options.seconds, meanBodyBytes: meanBytes, floor: floorRun, shadow: modes.shadow ?? null, live: modes.live ?? null };
  } finally {
    removeDir(dir);
  }
}
