import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createMemoryStore, createRunner, openSqliteStore, parseConfig, type Runner, type Store } from '@shopsync/runner';
import { webhookHmac } from '@shopsync/shopify-client';
import { FakeErpnext } from './support/fake-erpnext';
import { simulatedOrder } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

const SHOP = 'shopsync-demo.myshopify.com';
const SECRET = 'ops-secret';

function configFor(statePath: string, readyTimeoutMs = 2_000) {
  const parsed = parseConfig({
    shops: [{ domain: SHOP, webhookSecrets: [SECRET] }],
    erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
    store: { path: statePath },
    server: { port: 0, readyTimeoutMs },
    worker: { pollMs: 20 },
    mapping: DEMO_MAPPING,
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

async function post(url: string, body: string, webhookId: string, secret = SECRET, topic = 'orders/create') {
  const headers = { 'x-shopify-topic': topic, 'x-shopify-shop-domain': SHOP, 'x-shopify-webhook-id': webhookId, 'x-shopify-api-version': '2026-10', 'x-shopify-hmac-sha256': webhookHmac(body, secret) };
  return (await fetch(`${url}/webhooks/shopify`, { method: 'POST', body, headers })).status;
}

/** A value of one sample line of the Prometheus text, e.g. metric('x_total{outcome="accepted"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/healthz, /readyz and /metrics', () => {
  const dir = useTempDir();
  let runner: Runner;
  let url: string;
  let store: Store;
  const probe = { erpnext: (): Promise<unknown> => Promise.resolve('pong'), shopify: (): Promise<unknown> => Promise.resolve({}) };

  async function start(options: { workers: boolean; readyTimeoutMs?: number }) {
    store = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    runner = createRunner({
      config: configFor(join(dir(), 'state.sqlite'), options.readyTimeoutMs),
      store,
      erpnext: new FakeErpnext(),
      logger: createLogger({ level: 'silent' }),
      probes: [
        { name: 'erpnext', check: () => probe.erpnext() },
        { name: 'shopify', check: () => probe.shopify() },
      ],
      processMetrics: false,
    });
    url = await runner.start({ workers: options.workers });
  }
  afterEach(async () => {
    await runner.stop();
    await store.close().catch(() => undefined);
    probe.erpnext = () => Promise.resolve('pong');
    probe.shopify = () => Promise.resolve({});
  });

  test('/healthz answers while the process is up; /readyz when store, ERPNext and Shopify answer', async () => {
    await start({ workers: false });
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', down: [], checks: { store: 'ok', erpnext: 'ok', shopify: 'ok' } });
    expect((await fetch(`${url}/readyz`, { method: 'POST' })).status).toBe(405);
  });

  test('/readyz is 503 with a JSON body naming everything that is down, a hanging dependency included', async () => {
    await start({ workers: false, readyTimeoutMs: 50 });
    probe.erpnext = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:8000'));
    probe.shopify = () => new Promise(() => undefined);
    await store.close();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; down: string[]; checks: Record<string, string> };
    expect(body.status).toBe('not_ready');
    expect(body.down).toEqual(['store', 'erpnext', 'shopify']);
    expect(body.checks).toMatchObject({ erpnext: 'connect ECONNREFUSED 127.0.0.1:8000', shopify: 'no answer within 50 ms' });
  });

  test('/metrics counts webhooks by outcome and shows the backlog, in Prometheus text', async () => {
    await start({ workers: false });
    const body = JSON.stringify(simulatedOrder({ financialStatus: 'pending' }));
    expect([await post(url, body, 'w1'), await post(url, body, 'w1'), await post(url, body, 'w2', 'forged')]).toEqual([200, 200, 401]);
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'shopsync_webhooks_received_total{outcome="accepted"}')).toBe(1);
    expect(sample(text, 'shopsync_webhooks_received_total{outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'shopsync_webhooks_received_total{outcome="bad_signature"}')).toBe(1);
    expect(sample(text, 'shopsync_ingress_ack_seconds_count{outcome="accepted"}')).toBe(1);
    expect(sample(text, 'shopsync_ingress_commit_batch_size_count')).toBe(2);
    expect(sample(text, 'shopsync_backlog_events{state="pending"}')).toBe(1);
    expect(sample(text, 'shopsync_backlog_events{state="claimed"}')).toBe(0);
    expect(text).not.toContain('process_cpu');
  });

  test('a signed webhook carrying one of shopsync’s own topics (stock/changed, delivery_notes/*) is refused and not stored', async () => {
    await start({ workers: false });
    const body = JSON.stringify({ locationId: '1', warehouse: null, items: [{ itemCode: 'SKU-1001', vouchers: [] }], entries: [] });
    expect(await post(url, body, 'forged-stock', SECRET, 'stock/changed')).toBe(400);
    expect(await post(url, JSON.stringify({ name: 'MAT-DN-1' }), 'forged-dn', SECRET, 'delivery_notes/submitted')).toBe(400);
    expect((await store.counts()).deliveries).toBe(0);
    expect(sample(await (await fetch(`${url}/metrics`)).text(), 'shopsync_webhooks_received_total{outcome="internal_topic"}')).toBe(2);
  });

  test('/metrics counts settled events by result and parked failures by category, fed by the worker pool', async () => {
    await start({ workers: true });
    const settled: string[] = [];
    const both = new Promise<void>((resolve) => runner.workers.on('event:settled', (_event, result) => settled.push(result) === 2 && resolve()));
    const good = JSON.stringify(simulatedOrder({ financialStatus: 'pending' }));
    const euro = JSON.stringify({ ...simulatedOrder({ financialStatus: 'pending' }, 12), currency: 'EUR' });
    await post(url, good, 'good');
    await post(url, euro, 'euro');
    await both;
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(settled.sort()).toEqual(['applied', 'failed']);
    expect(sample(text, 'shopsync_events_settled_total{result="applied"}')).toBe(1);
    expect(sample(text, 'shopsync_events_settled_total{result="failed"}')).toBe(1);
    expect(sample(text, 'shopsync_event_processing_seconds_count{result="applied"}')).toBe(1);
    expect(sample(text, 'shopsync_failures_parked_total{category="mapping"}')).toBe(1);
    expect(sample(text, 'shopsync_failures_parked_total{category="transient"}')).toBe(0);
    expect(sample(text, 'shopsync_failures{category="mapping",status="open"}')).toBe(1);
    expect(sample(text, 'shopsync_backlog_events{state="pending"}')).toBe(0);
  });

  test('each runner has its own registry', async () => {
    await start({ workers: false });
    await post(url, JSON.stringify(simulatedOrder()), 'w1');
    const other = createRunner({ config: configFor(':memory:'), store: createMemoryStore(), erpnext: new FakeErpnext(), logger: createLogger({ level: 'silent' }), processMetrics: false });
    expect(sample(await other.metrics.render(), 'shopsync_webhooks_received_total{outcome="accepted"}')).toBe(0);
    expect(sample(await runner.metrics.render(), 'shopsync_webhooks_received_total{outcome="accepted"}')).toBe(1);
  });
});

describe('scheduled reconciliation', () => {
  test('runs every reconcile.intervalMinutes over the lookback window, one round at a time, and not after stop', async () => {
    const config = { ...configFor(':memory:'), reconcile: { intervalMinutes: 0.001, lookbackHours: 2 } };
    const now = new Date('2026-11-27T12:00:00Z');
    const rounds: Date[] = [];
    let release = () => undefined as void;
    let hold = true;
    const reconcile = (since: Date) => {
      rounds.push(since);
      return hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    };
    const runner = createRunner({ config, store: createMemoryStore(), erpnext: new FakeErpnext(), logger: createLogger({ level: 'silent' }), processMetrics: false, now: () => now, reconcile });
    await runner.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The first round is still running: no second one started beside it.
    expect(rounds).toEqual([new Date('2026-11-27T10:00:00Z')]);
    hold = false;
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rounds.length).toBeGreaterThan(1);
    await runner.stop();
    const afterStop = rounds.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rounds).toHaveLength(afterStop);
  });
});
