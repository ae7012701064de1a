import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type Store } from '@shopsync/runner';
import { webhookHmac } from '@shopsync/shopify-client';
import { createShopifySimulator } from '@shopsync/simulators';
import type { ErpnextPort } from '@shopsync/runner';

/**
 * `npm run bench [-- --connections 64 --seconds 10 --sync FULL,NORMAL --body order|small --max-batch 512]`: the runner's real ingress
 * (HMAC, headers, JSON, group commit into SQLite on a temp file) with the workers paused, loaded by a
 * separate client process. Prints verified webhooks/s, client-side p50/p99 and where the server's
 * time goes. Speed targets live here only, never in timed tests (STYLE C13, C15).
 */
const SECRET = 'bench-webhook-secret';
const TARGET_PER_SECOND = 12_000;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const noErpnext = new Proxy({} as ErpnextPort, {
  get: () => () => Promise.reject(new Error('the benchmark runs with the workers paused')),
});

/** Times the store's group commits: how much of the server's time is SQLite (inserts + fsync). */
function timedStore(store: Store, spent: { ms: number; batches: number; rows: number }): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'acceptDeliveries') return Reflect.get(target, property, receiver) as unknown;
      const timed: Store['acceptDeliveries'] = async (deliveries, now) => {
        const started = performance.now();
        try {
          return await target.acceptDeliveries(deliveries, now);
        } finally {
          spent.ms += performance.now() - started;
          spent.batches += 1;
          spent.rows += deliveries.length;
        }
      };
      return timed;
    },
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runOnce(synchronous: 'FULL' | 'NORMAL', connections: number, seconds: number, bodiesFile: string, shop: string) {
  const dir = mkdtempSync(join(tmpdir(), 'shopsync-bench-'));
  try {
    const parsed = parseConfig({
      shops: [{ domain: shop, webhookSecrets: [SECRET] }],
      erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
      store: { path: join(dir, 'state.sqlite'), synchronous },
      server: { port: 0, maxBatch: Number(option('max-batch', '512')) },
      mapping: DEMO_MAPPING,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const spent = { ms: 0, batches: 0, rows: 0 };
    const store = openSqliteStore({ path: parsed.config.store.path, synchronous });
    const logger = createLogger({ level: 'info', destination: pino.destination('/dev/null') });
    const runner = createRunner({ config: parsed.config, store: timedStore(store, spent), erpnext: noErpnext, logger, processMetrics: false });
    const url = `${await runner.start({ workers: false })}${parsed.config.server.webhookPath}`;
    const warmupMs = 1_000;
    const cpuBefore = process.cpuUsage();
    const child = fork(join(__dirname, 'bench-ingress-client.ts'), [JSON.stringify({ url, connections, warmupMs, durationMs: seconds * 1000, shop, runId: synchronous, bodiesFile })], {
      execArgv: process.execArgv,
    });
    const result = await new Promise<{ latenciesMs: number[]; statuses: Record<string, number>; clientCpuMs: number }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as never));
      child.once('exit', (code) => reject(new Error(`client exited with ${code}`)));
    });
    const cpu = process.cpuUsage(cpuBefore);
    await runner.stop();
    const counts = await store.counts();
    await store.close();
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    const ok = result.statuses['200'] ?? 0;
    return {
      synchronous,
      connections,
      seconds,
      verifiedPerSecond: Math.round(ok / seconds),
      p50Ms: Number(percentile(sorted, 50).toFixed(2)),
      p99Ms: Number(percentile(sorted, 99).toFixed(2)),
      statuses: result.statuses,
      storedEvents: counts.byStatus.pending ?? 0,
      meanBatch: Number((spent.rows / Math.max(1, spent.batches)).toFixed(1)),
      serverCpuUsPerWebhook: Math.round(((cpu.user + cpu.system) / Math.max(1, spent.rows))),
      commitUsPerWebhook: Math.round((spent.ms * 1000) / Math.max(1, spent.rows)),
      clientCpuUsPerWebhook: Math.round((result.clientCpuMs * 1000) / Math.max(1, ok)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const connections = Number(option('connections', '64'));
  const seconds = Number(option('seconds', '10'));
  const modes = option('sync', 'FULL,NORMAL').split(',') as Array<'FULL' | 'NORMAL'>;
  const sim = createShopifySimulator({ seed: 1 });
  const full = Array.from({ length: 200 }, () => sim.driver.createOrder({ customer: 'new' }));
  await sim.close();
  // --body order: the simulator's full orders/create payloads; small: the same orders cut to the fields
  // the planner needs, about the size of the bare HMAC + insert measurement quoted in issue 6.
  const orders = full.map((order) =>
    option('body', 'order') === 'small'
      ? JSON.stringify({ id: order.id, admin_graphql_api_id: order.admin_graphql_api_id, name: order.name, updated_at: order.updated_at, currency: order.currency, total_price: order.total_price, line_items: order.line_items.slice(0, 1).map((line) => ({ id: line.id, sku: line.sku, quantity: line.quantity, price: line.price })) })
      : JSON.stringify(order),
  );
  const dir = mkdtempSync(join(tmpdir(), 'shopsync-bench-bodies-'));
  const bodiesFile = join(dir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(orders.map((body) => ({ body, hmac: webhookHmac(body, SECRET) }))));
  const meanBytes = Math.round(orders.reduce((sum, body) => sum + body.length, 0) / orders.length);
  process.stdout.write(`shopsync ingress benchmark: ${connections} keep-alive connections, ${seconds} s after 1 s warm-up, orders/create bodies of ~${meanBytes} B, node ${process.version}\n`);
  try {
    for (const mode of modes) {
      const r = await runOnce(mode, connections, seconds, bodiesFile, sim.shop.domain);
      const verdict = r.verifiedPerSecond >= TARGET_PER_SECOND ? 'meets' : 'below';
      process.stdout.write(
        [
          `synchronous=${r.synchronous}: ${r.verifiedPerSecond} verified webhooks/s (${verdict} the ${TARGET_PER_SECOND}/s target), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
          `  statuses ${JSON.stringify(r.statuses)}; ${r.storedEvents} events stored; mean group-commit batch ${r.meanBatch}`,
          `  server CPU ${r.serverCpuUsPerWebhook} µs/webhook, of which SQLite commit (inserts + fsync wait) ${r.commitUsPerWebhook} µs; client CPU ${r.clientCpuUsPerWebhook} µs/webhook`,
        ].join('\n') + '\n',
      );
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(r)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
