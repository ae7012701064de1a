import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING, freePort } from '@shopsync/demo';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { parseConfig, type ConfigInput } from '@shopsync/runner';
import { createShopifySimulator, type ShopifyCatalogueItem } from '@shopsync/simulators';
import { runBareLoop } from './bare-rest-loop';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { ERP_KEY, ERP_SECRET, startErpnext, syncRequests } from './erpnext-child';
import { removeDir, startServe, tempDir } from './processes';
import { runClient } from './run-client';
import { waitSettled } from './serve-rig';
import { PAID_ORDER_TOPICS, WEBHOOK_SECRET, writeJson, type Webhook } from './shopify-webhooks';
import { statusJson } from './status-json';

type Mapping = NonNullable<ConfigInput['mapping']>;

/** Issue 15's comparison runs both sides at the production default concurrency. */
const CONCURRENCY = 4;
const DOCTYPES = ['Customer', 'Sales Order', 'Sales Invoice', 'Payment Entry'] as const;

export interface RealErpnextOptions {
  readonly orders: number;
  readonly rounds: number;
  /** Item codes for a real site (`--real-items`); else the site's first sales items. */
  readonly items: readonly string[] | null;
  /** A JSON file with serve's `mapping` for a real site (`--real-mapping`); else the demo's. */
  readonly mappingFile: string | null;
  /** `--real-erpnext-sim`: the ERPNext simulator stands in for the site. */
  readonly simulator: boolean;
}

export interface Round {
  readonly round: number;
  readonly seconds: number;
  readonly ordersPerSecond: number;
  /** ERPNext requests per order, counted at the benchmark's proxy (shopsync's upkeep left out). */
  readonly requestsPerOrder: number;
  /** Submitted documents the round added on the target, by doctype (counted directly, not through the proxy). */
  readonly documents: Record<string, number>;
}

export interface SideResult {
  readonly rounds: readonly Round[];
  readonly medianOrdersPerSecond: number;
  readonly requestsPerOrder: number;
  readonly byPath: Record<string, number>;
}

export interface RealErpnextResult {
  readonly target: 'real ERPNext site' | 'ERPNext simulator (--real-erpnext-sim)';
  /** The site's address without credentials (never the key or secret). */
  readonly url: string;
  readonly orders: number;
  readonly concurrency: number;
  readonly order: string;
  readonly bare: SideResult & {
    /** Requests by the client's own count (its http.request events), beside the proxy's. */
    readonly clientRequestsPerOrder: number;
    /** Orders whose Sales Invoice total differed from Shopify's total_price: 0 when the bare loop booked the same money. */
    readonly totalMismatches: number;
  };
  readonly shopsync: SideResult & {
    /** batch: one shopsync.documents.apply_documents per event; rest: fell back (companion app missing or older). */
    readonly writes: 'batch' | 'rest';
    readonly writesFellBack: boolean;
    readonly events: Record<string, number>;
    readonly openFailures: number;
    readonly upkeepSeen: Record<string, number>;
  };
  /** shopsync's median orders/s ÷ the bare loop's. */
  readonly ratio: number;
}

interface Target {
  readonly kind: 'site' | 'simulator';
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  stop(): Promise<void>;
}

/** True when the part has something to run against: the three variables, or the simulator asked for. */
export function realErpnextConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ERPNEXT_URL && env.ERPNEXT_API_KEY && env.ERPNEXT_API_SECRET);
}

export function withoutCredentials(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.search = '';
  return u.toString().replace(/\/$/, '');
}

async function openTarget(options: RealErpnextOptions, env: NodeJS.ProcessEnv): Promise<Target> {
  if (options.simulator) {
    const erp = await startErpnext();
    return { kind: 'simulator', url: erp.url, apiKey: ERP_KEY, apiSecret: ERP_SECRET, stop: () => erp.stop() };
  }
  return { kind: 'site', url: env.ERPNEXT_URL!, apiKey: env.ERPNEXT_API_KEY!, apiSecret: env.ERPNEXT_API_SECRET!, stop: () => Promise.resolve() };
}

/** The Shopify simulator's catalogue, or the site's own items priced 10.00, 11.00, … so both sides book existing Items. */
async function catalogue(target: Target, direct: ErpnextClient, options: RealErpnextOptions): Promise<ShopifyCatalogueItem[] | undefined> {
  if (target.kind === 'simulator') return undefined;
  const codes = options.items ?? (await direct.listDocs<{ name: string }>('Item', { filters: { disabled: 0, is_sales_item: 1, has_variants: 0 }, fields: ['name'], orderBy: 'creation asc', limitPageLength: 10 })).map((row) => row.name);
  if (codes.length === 0) throw new Error('realErpnext: the site has no enabled sales Item without variants; name some with --real-items');
  return codes.map((sku, i) => ({ sku, title: sku, price: (10 + i).toFixed(2), grams: 100, vendor: 'shopsync bench' }));
}

/** Paid new-customer orders from the Shopify simulator, captured (never posted), as part-end-to-end.ts sends them. */
function orderSource(shopDomain: string, items: ShopifyCatalogueItem[] | undefined) {
  const sim = createShopifySimulator({ seed: 15, shopDomain, webhookSecret: WEBHOOK_SECRET, faults: { dropRate: 1 }, ...(items === undefined ? {} : { catalogue: items }) });
  for (const topic of PAID_ORDER_TOPICS) sim.webhooks.subscribe({ topic, address: 'https://bench.invalid/webhooks' });
  let seen = 0;
  return {
    next(count: number): Webhook[] {
      for (let i = 0; i < count; i += 1) sim.driver.createOrder({ customer: 'new', financialStatus: 'paid' });
      const all = sim.webhooks.deliveries();
      const fresh = all.slice(seen).map((d) => ({ topic: d.topic, webhookId: d.webhookId, eventId: d.eventId, triggeredAt: d.triggeredAt, apiVersion: d.apiVersion, body: d.body.toString('utf8') }));
      seen = all.length;
      return fresh;
    },
    close: () => sim.close(),
  };
}

async function documentCounts(direct: ErpnextClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const doctype of DOCTYPES) counts[doctype] = await direct.count(doctype, doctype === 'Customer' ? {} : { docstatus: 1 });
  return counts;
}

const difference = (before: Record<string, number>, after: Record<string, number>) => Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round((sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
};
const round2 = (n: number) => Math.round(n * 100) / 100;
const addInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};

/** serve's config: production defaults except addresses, state file, flows.orders live, concurrency 4 and the mapping. */
async function writeConfig(dir: string, shop: string, proxyUrl: string, target: Target, mapping: Mapping) {
  const statePath = join(dir, 'state.sqlite');
  const config: ConfigInput = {
    shops: [{ domain: shop, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: proxyUrl, apiKey: target.apiKey, apiSecret: target.apiSecret, concurrency: CONCURRENCY },
    worker: { concurrency: CONCURRENCY },
    store: { path: statePath },
    server: { port: await freePort() },
    mapping,
    flows: { orders: 'live' },
  };
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(`realErpnext: serve's config is invalid: ${parsed.problems.join('; ')}`);
  const configPath = join(dir, 'shopsync.json');
  // The file holds the API secret (serve is started without SHOPSYNC_* variables): owner-only, removed with its dir.
  writeFileSync(configPath, JSON.stringify(config), { mode: 0o600 });
  return { configPath, statePath, webhookPath: parsed.config.server.webhookPath };
}

/**
 * Issue 15's comparison against a real ERPNext (ERPNEXT_URL, ERPNEXT_API_KEY, ERPNEXT_API_SECRET) or,
 * with `--real-erpnext-sim`, against the ERPNext simulator: the same paid new-customer orders booked
 * by a bare REST loop (bare-rest-loop.ts) and by `shopsync serve` (live, webhooks as Shopify sends
 * them), both at concurrency 4, rounds interleaved A, shopsync, A, shopsync. Both talk to the target
 * through one counting proxy, so their requests are counted alike on any site.
 */
export async function realErpnext(options: RealErpnextOptions, env: NodeJS.ProcessEnv, progress: (line: string) => void): Promise<RealErpnextResult> {
  const target = await openTarget(options, env);
  const dir = tempDir('real-erpnext');
  let proxy: CountingProxy | null = null;
  let source: ReturnType<typeof orderSource> | null = null;
  try {
    proxy = await startCountingProxy(target.url);
    const direct = createErpnextClient({ baseUrl: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret });
    const mapping = options.mappingFile === null ? DEMO_MAPPING : (JSON.parse(readFileSync(options.mappingFile, 'utf8')) as Mapping);
    const runLabel = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const shop = `bench-${runLabel}.myshopify.com`;
    source = orderSource(shop, await catalogue(target, direct, options));
    const today = new Date().toISOString().slice(0, 10);
    const bareRounds: Round[] = [];
    const serveRounds: Round[] = [];
    const bareByPath: Record<string, number> = {};
    const serveByPath: Record<string, number> = {};
    const upkeepSeen: Record<string, number> = {};
    const events: Record<string, number> = {};
    let openFailures = 0;
    let clientRequests = 0;
    let totalMismatches = 0;
    let fellBack = false;
    for (let r = 1; r <= options.rounds; r += 1) {
      const webhooks = source.next(options.orders);
      const bodies = webhooks.filter((w) => w.topic === 'orders/create').map((w) => w.body);

      progress(`real ERPNext (${target.kind}): round ${r}, bare REST loop, ${bodies.length} orders`);
      let docsBefore = await documentCounts(direct);
      let before = proxy.counts();
      const bare = await runBareLoop({ baseUrl: proxy.url, apiKey: target.apiKey, apiSecret: target.apiSecret, orders: bodies, concurrency: CONCURRENCY, mapping, runLabel: `${runLabel} r${r}`, today });
      const bareCounted = syncRequests(before, proxy.counts());
      addInto(bareByPath, bareCounted.byPath);
      clientRequests += bare.requests;
      totalMismatches += bare.totalMismatches;
      bareRounds.push({ round: r, seconds: bare.seconds, ordersPerSecond: bare.ordersPerSecond, requestsPerOrder: round2(bareCounted.total / bodies.length), documents: difference(docsBefore, await documentCounts(direct)) });

      progress(`real ERPNext (${target.kind}): round ${r}, shopsync serve (live), ${bodies.length} orders`);
      const roundDir = join(dir, `round-${r}`);
      mkdirSync(roundDir);
      const { configPath, statePath, webhookPath } = await writeConfig(roundDir, shop, proxy.url, target, mapping);
      const serve = await startServe(configPath, join(roundDir, 'serve.log'));
      let seconds;
      try {
        docsBefore = await documentCounts(direct);
        before = proxy.counts();
        const webhooksFile = writeJson(join(roundDir, 'webhooks.json'), webhooks);
        const sent = await runClient({ mode: 'list', url: `${serve.url}${webhookPath}`, connections: CONCURRENCY, shop, secret: WEBHOOK_SECRET, webhooksFile });
        if ((sent.statuses['200'] ?? 0) !== webhooks.length) throw new Error(`realErpnext: serve answered ${JSON.stringify(sent.statuses)}`);
        seconds = ((await waitSettled(serve.url, 30 * 60_000, 20)) - sent.firstSentAt) / 1000;
        const counted = syncRequests(before, proxy.counts());
        addInto(serveByPath, counted.byPath);
        addInto(upkeepSeen, counted.upkeep);
        fellBack ||= serve.count('erpnext.writes_fell_back') > 0;
        serveRounds.push({ round: r, seconds: round2(seconds), ordersPerSecond: Math.round((bodies.length / seconds) * 10) / 10, requestsPerOrder: round2(counted.total / bodies.length), documents: difference(docsBefore, await documentCounts(direct)) });
      } finally {
        await serve.stop();
      }
      const status = await statusJson(statePath);
      addInto(events, status.events);
      openFailures += status.openFailures;
    }
    const totalOrders = options.orders * options.rounds;
    const perOrder = (byPath: Record<string, number>) => round2(Object.values(byPath).reduce((a, b) => a + b, 0) / totalOrders);
    const bareMedian = median(bareRounds.map((x) => x.ordersPerSecond));
    const serveMedian = median(serveRounds.map((x) => x.ordersPerSecond));
    return {
      target: target.kind === 'site' ? 'real ERPNext site' : 'ERPNext simulator (--real-erpnext-sim)',
      url: withoutCredentials(target.url),
      orders: options.orders,
      concurrency: CONCURRENCY,
      order: Array.from({ length: options.rounds }, () => 'bare, shopsync').join(', '),
      bare: { rounds: bareRounds, medianOrdersPerSecond: bareMedian, requestsPerOrder: perOrder(bareByPath), clientRequestsPerOrder: round2(clientRequests / totalOrders), totalMismatches, byPath: bareByPath },
      shopsync: { rounds: serveRounds, medianOrdersPerSecond: serveMedian, requestsPerOrder: perOrder(serveByPath), byPath: serveByPath, writes: fellBack ? 'rest' : 'batch', writesFellBack: fellBack, events, openFailures, upkeepSeen },
      ratio: round2(serveMedian / bareMedian),
    };
  } finally {
    await source?.close();
    await proxy?.stop();
    await target.stop();
    removeDir(dir);
  }
}
