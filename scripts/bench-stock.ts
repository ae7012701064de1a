import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { DEMO_MAPPING, freePort } from '@shopsync/demo';
import { parseConfig, type ConfigInput } from '@shopsync/runner';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startServe, type Serve } from './bench/processes';

/**
 * `npm run bench:stock [-- --part all|volume|latency --rows 1000 --events 20 --locations 1|2 --poll-ms 2000 --json]`
 *
 * ERPNext → Shopify stock on the path a user runs: `shopsync serve --config FILE` as a child process
 * (the real binary, workers on, every setting production's default — stock.pollMs 2000, worker
 * concurrency 4, Sync Log mirroring on — except the addresses, the state file and flows.inventory
 * live), against the ERPNext and Shopify simulators over loopback HTTP in this process.
 *
 * volume: 1,000 Stock Entry rows (receipts and issues over the catalogue SKUs) in two shapes — an
 * import (entries of 20 rows back to back) and bursts (50 rows as entries of 1–10 rows, then 0–4 s
 * idle) — counting the inventorySetQuantities Shopify executed and every GraphQL request with its
 * requested and actual cost, from the simulator's own accounting.
 * latency: single-row receipts spaced 0–2 s apart (random phase against the poll), timed from the
 * submit request to the moment Shopify's available changes.
 */

const SECRETS = { erpKey: 'bench-stock-key', erpSecret: 'bench-stock-secret', webhook: 'bench-stock-webhook', token: 'shpat_bench_stock' } as const;
const COMPANY = 'Shopsync Demo';
const WAREHOUSES = ['Stores - SD', 'Finished Goods - SD'] as const;
const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create', 'inventory_levels/update'];
const MUTATION_GOAL_PER_1000 = 4;
const LATENCY_GOAL_MS = 5_000;

const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    rows: { type: 'string', default: '1000' },
    events: { type: 'string', default: '20' },
    locations: { type: 'string', default: '1' },
    'poll-ms': { type: 'string' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

/** mulberry32: the workload is the same on every run of one seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

interface Rig {
  readonly erp: ErpnextSimulator;
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  readonly serve: Serve;
  /** Shopify location id → its ERPNext warehouse. */
  readonly locations: ReadonlyArray<{ readonly id: number; readonly warehouse: string }>;
  readonly pollMs: number;
  readonly erpServer: Server;
  /** Stock Ledger Entry rows the ERPNext list API returned (to serve's tail). */
  ledgerRows(): number;
  /** inventorySetQuantities Shopify executed (replays of an idempotency key are not executions). */
  mutations(): number;
  lastMutationAt(): number;
}

/** What Shopify should hold: the default formula over the warehouse's Bin (read in-process, not over HTTP). */
function formula(erp: ErpnextSimulator, sku: string, warehouse: string): number {
  const bin = erp.docs('Bin').find((row) => row.item_code === sku && row.warehouse === warehouse);
  return bin === undefined ? 0 : Math.max(0, Math.floor(Number(bin.actual_qty) - Number(bin.reserved_qty)));
}

function differing(rig: Rig): number {
  let count = 0;
  for (const item of rig.shopify.shop.inventory.items.values()) {
    for (const location of rig.locations) if (rig.shopify.driver.getInventory(item.sku, location.id).available !== formula(rig.erp, item.sku, location.warehouse)) count += 1;
  }
  return count;
}

/** Until every level equals ERPNext's and no mutation came for two polls and a second: the runner has nothing left to push. */
async function quiet(rig: Rig, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (differing(rig) === 0 && performance.now() - rig.lastMutationAt() > 2 * rig.pollMs + 1_000) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`Shopify did not converge within ${timeoutMs} ms (${differing(rig)} levels differ)`);
    await sleep(50);
  }
}

async function startRig(dir: string): Promise<Rig> {
  const erp = createErpnextSimulator({ apiKey: SECRETS.erpKey, apiSecret: SECRETS.erpSecret });
  // The simulator's own handler on a server of ours, only to count the Stock Ledger rows each read returns.
  let ledgerRows = 0;
  const erpServer = createServer((req, res) => {
    if (req.method === 'GET' && decodeURIComponent(req.url ?? '').startsWith('/api/resource/Stock Ledger Entry')) {
      const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
      res.end = ((...a: unknown[]) => {
        const body = a[0];
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
          try {
            ledgerRows += (JSON.parse(body.toString()) as { data?: unknown[] }).data?.length ?? 0;
          } catch {
            // not a list answer (an error page): no rows
          }
        }
        return end(...a);
      }) as typeof res.end;
    }
    erp.handle(req, res);
  });
  await new Promise<void>((resolve) => erpServer.listen(0, '127.0.0.1', resolve));
  const erpUrl = `http://127.0.0.1:${(erpServer.address() as { port: number }).port}`;
  const shopify = createShopifySimulator({ seed: 7, webhookSecret: SECRETS.webhook, accessToken: SECRETS.token });
  const { url: shopifyUrl } = await shopify.listen(0);
  let mutations = 0;
  let lastMutationAt = 0;
  shopify.graphql.setWriteGate(async (field) => {
    if (field !== 'inventorySetQuantities') return;
    mutations += 1;
    lastMutationAt = performance.now();
  });
  const shopLocations = [...shopify.shop.inventory.locations.values()].slice(0, Number(args.locations));
  const locations = shopLocations.map((location, index) => ({ id: location.id, warehouse: WAREHOUSES[index]! }));
  // Shopify starts where ERPNext's Bins are, so every push the benchmark counts is caused by its own stock changes.
  for (const item of shopify.shop.inventory.items.values()) for (const location of locations) shopify.driver.changeInventory({ sku: item.sku, locationId: location.id, set: formula(erp, item.sku, location.warehouse) });
  const config: ConfigInput = {
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [SECRETS.webhook], accessToken: SECRETS.token, apiBaseUrl: shopifyUrl }],
    erpnext: { url: erpUrl, apiKey: SECRETS.erpKey, apiSecret: SECRETS.erpSecret },
    store: { path: join(dir, 'state.sqlite') },
    server: { port: await freePort() },
    mapping: { ...DEMO_MAPPING, locationWarehouses: Object.fromEntries(locations.map((location) => [String(location.id), location.warehouse])) },
    flows: { inventory: 'live' },
    ...(args['poll-ms'] === undefined ? {} : { stock: { pollMs: Number(args['poll-ms']) } }),
    log: { level: 'info' },
  };
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const configPath = join(dir, 'shopsync.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const serve = await startServe(configPath, join(dir, 'serve.log'));
  for (const topic of TOPICS) shopify.webhooks.subscribe({ topic, address: `${serve.url}${parsed.config.server.webhookPath}` });
  // The first read places the tail at the ledger's end; stock moved before it is not pushed.
  for (let waited = 0; serve.count('stock.ledger_tail_started') === 0; waited += 20) {
    if (waited > 30_000) throw new Error('serve never started tailing the Stock Ledger');
    await sleep(20);
  }
  const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: SECRETS.erpKey, apiSecret: SECRETS.erpSecret });
  return { erp, erpServer, ledgerRows: () => ledgerRows, erpnext, shopify, serve, locations, pollMs: parsed.config.stock.pollMs, mutations: () => mutations, lastMutationAt: () => lastMutationAt };
}

interface Counters {
  mutations: number;
  requests: number;
  requestedCost: number;
  actualCost: number;
  throttled: number;
  ledgerReads: number;
  ledgerRows: number;
  binReads: number;
  erpnextRequests: number;
  readsWithChanges: number;
}

function counters(rig: Rig): Counters {
  const stats = rig.shopify.graphql.stats();
  return {
    mutations: rig.mutations(),
    requests: stats.requests,
    requestedCost: stats.requestedCost,
    actualCost: stats.actualCost,
    throttled: stats.throttled,
    ledgerReads: rig.erp.requests.countWhere({ method: 'GET', path: '/api/resource/Stock Ledger Entry' }),
    ledgerRows: rig.ledgerRows(),
    binReads: rig.erp.requests.countWhere({ method: 'GET', path: '/api/resource/Bin' }),
    erpnextRequests: rig.erp.requests.count,
    readsWithChanges: rig.serve.count('stock.ledger_read'),
  };
}

const minus = (a: Counters, b: Counters): Counters => Object.fromEntries(Object.keys(a).map((key) => [key, a[key as keyof Counters] - b[key as keyof Counters]])) as unknown as Counters;

/** One Stock Entry's rows: receipts of 1–20 units, or issues of 1–5 of what the warehouse holds. */
function entryRows(rig: Rig, random: () => number, count: number): { purpose: 'Material Receipt' | 'Material Issue'; rows: Array<{ sku: string; warehouse: string; qty: number }> } {
  const skus = [...rig.shopify.shop.inventory.items.values()].map((item) => item.sku);
  const issue = random() < 0.6;
  const taken = new Map<string, number>();
  const rows: Array<{ sku: string; warehouse: string; qty: number }> = [];
  for (let guard = 0; rows.length < count && guard < count * 20; guard += 1) {
    const sku = skus[Math.floor(random() * skus.length)]!;
    const warehouse = rig.locations[Math.floor(random() * rig.locations.length)]!.warehouse;
    if (!issue) {
      rows.push({ sku, warehouse, qty: 1 + Math.floor(random() * 20) });
      continue;
    }
    const qty = 1 + Math.floor(random() * 5);
    const key = `${sku}\n${warehouse}`;
    const left = formula(rig.erp, sku, warehouse) - (taken.get(key) ?? 0);
    if (left < qty) continue;
    taken.set(key, (taken.get(key) ?? 0) + qty);
    rows.push({ sku, warehouse, qty });
  }
  if (rows.length < count) return entryRows(rig, () => 0.99, count); // not enough stock to issue: receive instead
  return { purpose: issue ? 'Material Issue' : 'Material Receipt', rows };
}

async function submitEntry(rig: Rig, entry: ReturnType<typeof entryRows>): Promise<void> {
  const items = entry.rows.map((row) => (entry.purpose === 'Material Receipt' ? { item_code: row.sku, qty: row.qty, t_warehouse: row.warehouse, basic_rate: 10 } : { item_code: row.sku, qty: row.qty, s_warehouse: row.warehouse }));
  await rig.erpnext.insertDoc('Stock Entry', { stock_entry_type: entry.purpose, company: COMPANY, items, docstatus: 1 });
}

interface VolumeResult {
  readonly shape: string;
  readonly rows: number;
  readonly entries: number;
  readonly submitSeconds: number;
  /** From the last submit until Shopify held every quantity and the runner stopped pushing. */
  readonly convergedAfterLastSubmitMs: number;
  readonly counted: Counters;
  readonly mutationsPer1000: number;
  readonly requestsPer1000: number;
  readonly requestedCostPer1000: number;
  readonly actualCostPer1000: number;
}

async function volume(rig: Rig, shape: 'import' | 'bursts', rows: number, random: () => number): Promise<VolumeResult> {
  await quiet(rig);
  const before = counters(rig);
  const started = performance.now();
  let written = 0;
  let entries = 0;
  while (written < rows) {
    if (shape === 'import') {
      const size = Math.min(20, rows - written);
      await submitEntry(rig, entryRows(rig, random, size));
      written += size;
      entries += 1;
      continue;
    }
    // A burst: 50 rows as entries of 1–10 rows back to back (a picker's wave, a delivery unpacked), then 0–4 s idle.
    const burstEnd = Math.min(rows, written + 50);
    while (written < burstEnd) {
      const size = Math.min(1 + Math.floor(random() * 10), burstEnd - written);
      await submitEntry(rig, entryRows(rig, random, size));
      written += size;
      entries += 1;
    }
    if (written < rows) await sleep(random() * 4_000);
  }
  const submitted = performance.now();
  while (differing(rig) > 0) {
    if (performance.now() - submitted > 120_000) throw new Error('Shopify did not converge within 120 s of the last submit');
    await sleep(10);
  }
  const convergedAfterLastSubmitMs = Math.round(performance.now() - submitted);
  await quiet(rig);
  const counted = minus(counters(rig), before);
  const per1000 = (n: number) => Number(((n * 1000) / rows).toFixed(1));
  return {
    shape,
    rows,
    entries,
    submitSeconds: Number(((submitted - started) / 1000).toFixed(1)),
    convergedAfterLastSubmitMs,
    counted,
    mutationsPer1000: per1000(counted.mutations),
    requestsPer1000: per1000(counted.requests),
    requestedCostPer1000: per1000(counted.requestedCost),
    actualCostPer1000: per1000(counted.actualCost),
  };
}

interface LatencyResult {
  readonly events: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly submitP50Ms: number;
  readonly samplesMs: number[];
}

async function latency(rig: Rig, events: number, random: () => number): Promise<LatencyResult> {
  await quiet(rig);
  const samples: number[] = [];
  const submits: number[] = [];
  const skus = [...rig.shopify.shop.inventory.items.values()].map((item) => item.sku);
  for (let i = 0; i < events; i += 1) {
    const sku = skus[i % skus.length]!;
    const location = rig.locations[i % rig.locations.length]!;
    const before = rig.shopify.driver.getInventory(sku, location.id).available;
    const started = performance.now();
    await rig.erpnext.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: COMPANY, items: [{ item_code: sku, qty: 1 + Math.floor(random() * 5), t_warehouse: location.warehouse, basic_rate: 10 }], docstatus: 1 });
    submits.push(performance.now() - started);
    while (rig.shopify.driver.getInventory(sku, location.id).available === before) {
      if (performance.now() - started > 60_000) throw new Error(`${sku} never changed in Shopify`);
      await sleep(2);
    }
    samples.push(performance.now() - started);
    // A random phase against the poll for the next event.
    await sleep(random() * rig.pollMs);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return { events, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1) ?? Number.NaN), submitP50Ms: round(percentile([...submits].sort((a, b) => a - b), 50)), samplesMs: samples.map(round) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shopsync-bench-stock-'));
  const random = prng(Number(args.seed));
  const part = args.part;
  const rig = await startRig(dir);
  try {
    const volumes: VolumeResult[] = [];
    if (part === 'all' || part === 'volume') {
      volumes.push(await volume(rig, 'import', Number(args.rows), random));
      volumes.push(await volume(rig, 'bursts', Number(args.rows), random));
    }
    const timing = part === 'all' || part === 'latency' ? await latency(rig, Number(args.events), random) : null;
    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };
    const summary = {
      path: 'shopsync serve (child process, workers on, production defaults) against the ERPNext and Shopify simulators on loopback',
      pollMs: rig.pollMs,
      locations: rig.locations.length,
      volume: volumes,
      latency: timing,
      goals: { mutationsPer1000: MUTATION_GOAL_PER_1000, latencyP95Ms: LATENCY_GOAL_MS },
      machine,
    };
    for (const v of volumes) {
      process.stdout.write(
        `stock volume (${v.shape}: ${v.rows} Stock Entry rows in ${v.entries} entries over ${v.submitSeconds} s, ${rig.locations.length} location(s), poll ${rig.pollMs} ms): ` +
          `${v.counted.mutations} inventorySetQuantities (${v.mutationsPer1000} per 1,000 changes; goal <= ${MUTATION_GOAL_PER_1000}: ${v.mutationsPer1000 <= MUTATION_GOAL_PER_1000 ? 'met' : 'NOT met'}), ` +
          `${v.counted.requests} GraphQL requests, cost ${v.counted.requestedCost} requested / ${v.counted.actualCost} actual, ${v.counted.throttled} throttled; ` +
          `${v.counted.readsWithChanges} ledger reads found changes (the tail read ${v.counted.ledgerRows} ledger rows in ${v.counted.ledgerReads} requests); Shopify settled ${v.convergedAfterLastSubmitMs} ms after the last submit\n`,
      );
    }
    if (timing !== null) {
      process.stdout.write(
        `stock latency (${timing.events} single-row receipts, submit → Shopify available changed, poll ${rig.pollMs} ms): p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms, max ${timing.maxMs} ms ` +
          `(goal p95 <= ${LATENCY_GOAL_MS} ms: ${timing.p95Ms <= LATENCY_GOAL_MS ? 'met' : 'NOT met'}); the submit itself p50 ${timing.submitP50Ms} ms\n`,
      );
    }
    process.stdout.write(`machine: node ${machine.node}, ${machine.cpus} × ${machine.cpu}\n`);
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(`${JSON.stringify({ ...summary, latency: timing === null ? null : { ...timing, samplesMs: undefined } })}\n`);
  } finally {
    await rig.serve.stop();
    await rig.shopify.close();
    rig.erpServer.closeAllConnections();
    await new Promise<void>((resolve) => rig.erpServer.close(() => resolve()));
    if (args.keep) process.stdout.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
