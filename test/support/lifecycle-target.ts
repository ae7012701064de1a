import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createErpnextClient, type Doc, type ErpnextClient } from '@shopsync/erpnext-client';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type Config, type ConfigInput, type Runner, type Store, type WriteMode } from '@shopsync/runner';
import { DEFAULT_SHOPIFY_CATALOGUE, createErpnextSimulator, createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';

const WEBHOOK_SECRET = 'lifecycle-webhook-secret';

/** The ERPNext a lifecycle battery runs against: the simulator, or a real site given by the environment. */
export interface ErpnextTarget {
  readonly label: string;
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly mapping: ConfigInput['mapping'];
  /** Two stock Items with stock in the mapping's warehouse; the simulated shop sells them as its SKUs. */
  readonly items: readonly [string, string];
  /** Unique per run: shop domain and Shopify ids differ, so a real site can run the battery again. */
  readonly runId: string;
  /** Requests of this ERPNext to the given path so far, where they can be counted (the simulator). */
  readonly requestsTo?: (path: string) => number;
  close(): Promise<void>;
}

export async function simulatorTarget(): Promise<ErpnextTarget> {
  const erp = createErpnextSimulator({ apiKey: 'lifecycle-key', apiSecret: 'lifecycle-secret' });
  const { url } = await erp.listen(0);
  return { label: 'the ERPNext simulator', url, apiKey: 'lifecycle-key', apiSecret: 'lifecycle-secret', mapping: DEMO_MAPPING, items: ['SKU-1001', 'SKU-1002'], runId: 'sim', requestsTo: (path) => erp.requests.countWhere({ path }), close: () => erp.close() };
}

/**
 * A real site from ERPNEXT_URL / ERPNEXT_API_KEY / ERPNEXT_API_SECRET, or undefined. The mapping is the
 * demo's, overridden by the JSON file ERPNEXT_MAPPING_FILE (the `mapping` section of a shopsync.json
 * written for that site); the items are ERPNEXT_ITEM_1 and ERPNEXT_ITEM_2.
 */
export function realTarget(env: NodeJS.ProcessEnv): ErpnextTarget | undefined {
  const { ERPNEXT_URL: url, ERPNEXT_API_KEY: apiKey, ERPNEXT_API_SECRET: apiSecret } = env;
  if (!url || !apiKey || !apiSecret) return undefined;
  const overrides = env.ERPNEXT_MAPPING_FILE ? (JSON.parse(readFileSync(env.ERPNEXT_MAPPING_FILE, 'utf8')) as Partial<ConfigInput['mapping']>) : {};
  return {
    label: `a real ERPNext at ${url}`,
    url,
    apiKey,
    apiSecret,
    mapping: { ...DEMO_MAPPING, ...overrides },
    items: [env.ERPNEXT_ITEM_1 ?? 'SKU-1001', env.ERPNEXT_ITEM_2 ?? 'SKU-1002'],
    runId: Date.now().toString(36),
    close: async () => undefined,
  };
}

export interface LifecycleHarness {
  readonly shopify: ShopifySimulator;
  /** A client of the target, to count and read what the runner wrote, as an operator would. */
  readonly erpnext: ErpnextClient;
  readonly runner: Runner;
  readonly store: Store;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

function runnerConfig(target: ErpnextTarget, shop: string, statePath: string, mapping: Partial<ConfigInput['mapping']>, writes: WriteMode): Config {
  const parsed = parseConfig({
    shops: [{ domain: shop, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, timeoutMs: 60_000, writes },
    store: { path: statePath, synchronous: 'NORMAL' },
    server: { port: 0 },
    worker: { concurrency: 4, pollMs: 20, baseDelayMs: 10, maxDelayMs: 200 },
    mapping: { ...target.mapping, ...mapping },
    flows: { orders: 'live', customers: 'live' },
    mirror: { syncLogs: false, syncFailures: false },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

let starts = 0;

/** The simulated shop (selling the target's two items, every webhook delivered twice) and a runner, over real HTTP. */
export async function startLifecycle(target: ErpnextTarget, dir: string, topics: readonly string[], mapping: Partial<ConfigInput['mapping']> = {}, writes: WriteMode = 'batch'): Promise<LifecycleHarness> {
  const [first, second] = DEFAULT_SHOPIFY_CATALOGUE;
  const catalogue = [{ ...first!, sku: target.items[0] }, { ...second!, sku: target.items[1] }];
  // A shop of its own per start: the ERPNext target outlives it, and ids or keys must never repeat there.
  starts += 1;
  const shopId = `${target.runId}-${starts}`;
  const seed = [...shopId].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1_000_000_007, 7);
  const shopify = createShopifySimulator({ seed, shopDomain: `lifecycle-${shopId}.myshopify.com`, catalogue, webhookSecret: WEBHOOK_SECRET, timeScale: 1e6, faults: { duplicateRate: 1 } });
  const config = runnerConfig(target, shopify.shop.domain, join(dir, 'lifecycle.sqlite'), mapping, writes);
  const store = openSqliteStore({ path: config.store.path, synchronous: 'NORMAL' });
  const erpnext = createErpnextClient({ baseUrl: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, timeoutMs: 60_000 });
  const runner = createRunner({ config, store, erpnext, logger: createLogger({ level: 'silent' }), jitter: () => 0.5, processMetrics: false });
  const url = await runner.start();
  for (const topic of topics) shopify.webhooks.subscribe({ topic, address: `${url}${config.server.webhookPath}` });
  return {
    shopify,
    erpnext,
    runner,
    store,
    settle: async () => {
      await shopify.webhooks.drain();
      await runner.drained();
    },
    stop: async () => {
      await runner.stop();
      await store.close();
      await shopify.close();
    },
  };
}

/** Every document of one doctype that carries this Shopify order id, read over REST. */
export function documentsOf(erpnext: ErpnextClient, doctype: string, orderId: number, fields: readonly string[]): Promise<Doc[]> {
  return erpnext.listAll(doctype, { filters: [['shopify_order_id', '=', String(orderId)]], fields: ['name', 'docstatus', ...fields] });
}
