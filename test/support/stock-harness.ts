import { join } from 'node:path';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { DEMO_MAPPING, settleStock } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, shopifyProbes, type Config, type Runner, type Store } from '@shopsync/runner';
import { createShopifyClient, type ShopifyClient } from '@shopsync/shopify-client';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';

const ERP_KEY = 'stock-key';
const ERP_SECRET = 'stock-secret';
const SECRET = 'stock-webhook-secret';
const TOKEN = 'shpat_stock_e2e';

export const STOCK_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create', 'inventory_levels/update'];

export interface StockHarness {
  readonly erp: ErpnextSimulator;
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  readonly runner: Runner;
  readonly store: Store;
  readonly config: Config;
  /** The Shopify location the default warehouse is mapped to. */
  readonly locationId: number;
  /** Reads the Stock Ledger, delivers every webhook and drains the inbox, until nothing moves. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** What a test may change of the harness's runner. */
export interface StockHarnessTuning {
  /** Worker settings over the harness's own (fast retries). */
  readonly worker?: Partial<Config['worker']>;
  /** Where the runner reaches Shopify, given the simulator's URL: e.g. a hop a test can switch off. */
  readonly reach?: (shopifyUrl: string) => Promise<string>;
  /** The Admin API client's own retries (the client's default when left out). */
  readonly maxRetries?: number;
  /** Give the runner the shop's /readyz probe, as serve does: then it has a Shopify outage breaker. */
  readonly probes?: boolean;
}

/**
 * Both simulators over real HTTP and a runner with the inventory and fulfillment flows live: the
 * default warehouse is the shop's primary location, every webhook is delivered twice.
 */
export async function startStockHarness(
  dir: string,
  mapping: Partial<Config['mapping']> | ((locationId: number) => Partial<Config['mapping']>) = {},
  duplicateRate = 1,
  wrapShopify: (client: ShopifyClient) => ShopifyClient = (client) => client,
  tuning: StockHarnessTuning = {},
): Promise<StockHarness> {
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({ seed: 11, webhookSecret: SECRET, accessToken: TOKEN, timeScale: 1e6, graphql: { plan: 'plus' }, faults: { duplicateRate } });
  const { url: shopifyUrl } = await shopify.listen(0);
  const locationId = shopify.shop.inventory.primaryLocation().id;
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(dir, 'stock.sqlite'), synchronous: 'NORMAL' },
    server: { port: 0 },
    worker: { concurrency: 4, pollMs: 20, baseDelayMs: 10, maxDelayMs: 50, ...tuning.worker },
    // A mapping that names the location (extraStockWarehouses) is a function of its id, known only now.
    mapping: { ...DEMO_MAPPING, locationWarehouses: { [String(locationId)]: DEMO_MAPPING.defaultWarehouse }, ...(typeof mapping === 'function' ? mapping(locationId) : mapping) },
    flows: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
    stock: { pollMs: 60_000, driftRecheckSeconds: 0.2 },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const config = parsed.config;
  const store = openSqliteStore({ path: config.store.path, synchronous: 'NORMAL' });
  const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  // wrapShopify lets a test stand between the runner and Shopify (a lost answer, say).
  const reached = tuning.reach === undefined ? shopifyUrl : await tuning.reach(shopifyUrl);
  const client = wrapShopify(createShopifyClient({ shop: reached, accessToken: TOKEN, ...(tuning.maxRetries === undefined ? {} : { maxRetries: tuning.maxRetries }) }));
  const probes = tuning.probes === true ? { probes: shopifyProbes([{ domain: shopify.shop.domain, client }]) } : {};
  const runner = createRunner({ config, store, erpnext, logger: createLogger({ level: 'silent' }), jitter: () => 0.5, stock: { shopify: () => client, erpnext }, ...probes });
  const url = await runner.start();
  for (const topic of STOCK_TOPICS) shopify.webhooks.subscribe({ topic, address: `${url}${config.server.webhookPath}` });
  const settle = async (): Promise<void> => {
    await settleStock({ runner, store, shopify }, 10);
  };
  return {
    erp,
    erpnext,
    shopify,
    runner,
    store,
    config,
    locationId,
    settle,
    async stop() {
      await runner.stop();
      await store.close();
      await shopify.close();
      await erp.close();
    },
  };
}
