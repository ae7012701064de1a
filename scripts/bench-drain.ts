import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type ErpnextPort, type NewDelivery } from '@shopsync/runner';
import { createShopifySimulator } from '@shopsync/simulators';

/**
 * `npm run bench:drain [-- --backlog 100000 --measure 5000 --concurrency 4]`: the runner as `serve` runs
 * it (workers on) but in shadow mode — the default rollout: events are planned and settled `skipped`,
 * nothing is written to ERPNext, so the figure is the runner's own overhead, not the live path's — with `backlog` orders/create events already pending: how fast it drains the first
 * `measure` of them, and what one claim costs at that backlog. Claims used to cost in proportion to the
 * backlog (240–290 ms each at 100k pending, 4.6 events/s); they are an index search now.
 */
function option(name: string, fallback: string): number {
  const index = process.argv.indexOf(`--${name}`);
  return Number(index === -1 ? fallback : (process.argv[index + 1] ?? fallback));
}

const noErpnext = new Proxy({} as ErpnextPort, {
  get: () => () => Promise.reject(new Error('shadow mode writes nothing to ERPNext')),
});

async function main(): Promise<void> {
  const backlog = option('backlog', '100000');
  const measure = Math.min(option('measure', '5000'), backlog);
  const concurrency = option('concurrency', '4');
  const dir = mkdtempSync(join(tmpdir(), 'shopsync-bench-drain-'));
  const sim = createShopifySimulator({ seed: 3 });
  const samples = Array.from({ length: 200 }, () => sim.driver.createOrder({ customer: 'new' }));
  await sim.close();
  try {
    const parsed = parseConfig({
      shops: [{ domain: sim.shop.domain, webhookSecrets: ['s'] }],
      erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
      store: { path: join(dir, 'state.sqlite'), synchronous: 'NORMAL' },
      server: { port: 0 },
      worker: { concurrency, pollMs: 50 },
      mirror: { syncLogs: false, syncFailures: false },
      mapping: DEMO_MAPPING,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const store = openSqliteStore({ path: parsed.config.store.path, synchronous: 'NORMAL' });
    const filledAt = new Date();
    for (let start = 0; start < backlog; start += 1_000) {
      const batch: NewDelivery[] = [];
      for (let i = start; i < Math.min(backlog, start + 1_000); i += 1) {
        // Each event its own order: the sample bodies under fresh ids, as a backlog of many orders looks.
        const sample = samples[i % samples.length]!;
        const id = 7_000_000_000 + i;
        const payload = JSON.stringify({ ...sample, id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#B${i}` });
        batch.push({ shop: sim.shop.domain, webhookId: `bench-${i}`, topic: 'orders/create', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: `${sim.shop.domain}/order/${id}`, payload, payloadHash: String(i) });
      }
      await store.acceptDeliveries(batch, filledAt);
    }
    const claimStarted = performance.now();
    const probe = await store.claimNext('bench-probe', 'probe', new Date(), 1);
    const claimMs = performance.now() - claimStarted;
    if (probe !== null) await store.deferEvent(probe.claim, 'outage', filledAt, 'benchmark probe', new Date());
    const logger = createLogger({ level: 'info', destination: pino.destination('/dev/null') });
    const runner = createRunner({ config: parsed.config, store, erpnext: noErpnext, logger, processMetrics: false });
    let settled = 0;
    let finishedAt = 0;
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      runner.workers.on('event:settled', () => {
        settled += 1;
        if (settled === measure) {
          finishedAt = performance.now();
          resolve();
        }
      });
    });
    await runner.start();
    await done;
    const stopStarted = performance.now();
    await runner.stop();
    if (process.argv.includes('--debug')) process.stdout.write(`stop took ${Math.round(performance.now() - stopStarted)} ms\n`);
    const counts = await store.counts();
    const remaining = counts.unfinished;
    if (process.argv.includes('--debug')) process.stdout.write(`${JSON.stringify(counts)}\n`);
    await store.close();
    const seconds = (finishedAt - started) / 1000;
    const result = { backlog, measured: measure, concurrency, eventsPerSecond: Math.round(measure / seconds), msPerEvent: Number(((seconds * 1000) / measure).toFixed(2)), firstClaimMs: Number(claimMs.toFixed(2)), stillPending: remaining };
    process.stdout.write(
      `shopsync drain benchmark (serve's workers, shadow mode, node ${process.version}): ${result.eventsPerSecond} events/s over the first ${measure} of ${backlog} pending ` +
        `(${result.msPerEvent} ms per event at concurrency ${concurrency}); one claim at that backlog took ${result.firstClaimMs} ms; ${remaining} still pending\n`,
    );
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
