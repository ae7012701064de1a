import http from 'node:http';
import { join } from 'node:path';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { DEMO_MAPPING, freePort, settleStock } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type Config, type Runner, type Store } from '@shopsync/runner';
import { createShopifyClient } from '@shopsync/shopify-client';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator, type ShopifyWebhookTimer } from '@shopsync/simulators';

const ERP_KEY = 'prop-key';
const ERP_SECRET = 'prop-secret';
const SECRET = 'prop-webhook-secret';
const TOKEN = 'shpat_prop';
const TOPICS = ['inventory_levels/update'];

/** The site's warehouses the rig maps: two count into the shop's primary location, one into the second. */
export const WAREHOUSES = { stores: 'Stores - SD', transit: 'Goods In Transit - SD', finished: 'Finished Goods - SD' } as const;
export type WarehouseName = (typeof WAREHOUSES)[keyof typeof WAREHOUSES];

/** Waits no longer than a few milliseconds where a client would back off for seconds (the runs stay short). */
const briefly = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));

/** Any wait at least this long is a held webhook delivery (the simulator's `delayMs` fault is set to it). */
const HOLD_MS = 2 ** 30;

/**
 * The Shopify simulator's only source of waiting, with its queued deliveries held until the test
 * releases them, in any order it chooses; request timeouts and retries of the compressed clock run
 * on real timers.
 */
class HeldDeliveries implements ShopifyWebhookTimer {
  private held: Array<{ readonly handle: object; readonly run: () => void }> = [];

  setTimeout(callback: () => void, ms: number): unknown {
    if (ms < HOLD_MS) return setTimeout(callback, ms);
    const handle = {};
    this.held.push({ handle, run: callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    const index = this.held.findIndex((entry) => entry.handle === handle);
    if (index >= 0) this.held.splice(index, 1);
    else clearTimeout(handle as NodeJS.Timeout);
  }

  get count(): number {
    return this.held.length;
  }

  /** Lets the `pick`-th held delivery (modulo how many there are) go; false when none is held. */
  release(pick: number): boolean {
    if (this.held.length === 0) return false;
    const [entry] = this.held.splice(pick % this.held.length, 1);
    entry!.run();
    return true;
  }
}

/**
 * A loopback proxy in front of the Shopify simulator's Admin API: every request is forwarded, and
 * when armed the response to an inventorySetQuantities is dropped after Shopify applied it (the
 * socket is destroyed once the simulator answered): a response lost after commit.
 */
async function startLossyProxy(target: string): Promise<{ url: string; arm(count: number): void; disarm(): void; lost(): number; close(): Promise<void> }> {
  const upstream = new URL(target);
  let armed = 0;
  let lost = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            if (armed > 0 && body.includes('inventorySetQuantities')) {
              armed -= 1;
              lost += 1;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    arm: (count) => (armed += count),
    disarm: () => (armed = 0),
    lost: () => lost,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface StockPropertyRig {
  readonly erp: ErpnextSimulator;
  /** A REST client of the ERPNext site for the test's own writes and reads (not the runner's). */
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  /** Shopify location id → the ERPNext warehouses whose Bins count into it. */
  readonly stockWarehouses: Readonly<Record<string, readonly WarehouseName[]>>;
  readonly config: Config;
  runner(): Runner;
  store(): Store;
  /** Webhook deliveries Shopify holds (first attempts, duplicate copies and retries alike). */
  held(): number;
  /** Lets the chosen held deliveries go, in that order, and waits until each was answered. */
  deliver(picks: readonly number[]): Promise<number>;
  /** Stops the runner (as SIGTERM does) and starts a new one on the same state file and port. */
  restart(): Promise<void>;
  /** The responses to the next `count` inventorySetQuantities are lost after Shopify applied them. */
  loseMutationResponses(count: number): void;
  lostResponses(): number;
  restarts(): number;
  /** Faults off, every held delivery let go, and the runner left to read, push and settle until nothing moves. */
  quiesce(): Promise<void>;
  stop(): Promise<void>;
}

export interface StockPropertyOptions {
  /** Shopify sends each webhook delivery twice with this probability. */
  readonly duplicateRate?: number;
  /** Shopify picks the next delivery among this many ready ones. */
  readonly reorderWindow?: number;
  /** Wraps the store each runner gets: the hook a check of the test itself uses to break the echo ledger. */
  readonly wrapStore?: (store: Store) => Store;
}

async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Both simulators over loopback HTTP and a runner with the inventory flow live, built like the e2e
 * stock harness but for a property: webhooks are held until released (any order, duplicated), the
 * runner's Admin API calls go through a proxy that can lose a mutation's response after commit, and
 * the runner can be restarted on its SQLite file. The shop's two locations are mapped (the primary
 * counts two warehouses) and start equal to ERPNext's Bins, so every level can be compared at the end.
 */
export async function startStockPropertyRig(dir: string, options: StockPropertyOptions = {}): Promise<StockPropertyRig> {
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const timer = new HeldDeliveries();
  const shopify = createShopifySimulator({
    seed: 17,
    webhookSecret: SECRET,
    accessToken: TOKEN,
    timeScale: 1e6,
    timer,
    graphql: { plan: 'plus' },
    faults: { duplicateRate: options.duplicateRate ?? 1, reorder: { window: options.reorderWindow ?? 1 }, delayMs: HOLD_MS },
  });
  const { url: shopifyUrl } = await shopify.listen(0);
  const proxy = await startLossyProxy(shopifyUrl);
  const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET, sleep: briefly });
  const [primary, east] = [...shopify.shop.inventory.locations.values()];
  if (primary === undefined || east === undefined) throw new Error('the simulated shop needs two locations');
  const stockWarehouses: Record<string, readonly WarehouseName[]> = { [String(primary.id)]: [WAREHOUSES.stores, WAREHOUSES.transit], [String(east.id)]: [WAREHOUSES.finished] };
  const port = await freePort();
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(dir, 'stock-property.sqlite'), synchronous: 'NORMAL' },
    server: { port },
    worker: { concurrency: 4, pollMs: 20, baseDelayMs: 10, maxDelayMs: 50 },
    mirror: { syncLogs: false, syncFailures: false },
    mapping: {
      ...DEMO_MAPPING,
      locationWarehouses: { [String(primary.id)]: WAREHOUSES.stores, [String(east.id)]: WAREHOUSES.finished },
      extraStockWarehouses: { [String(primary.id)]: [WAREHOUSES.transit] },
    },
    flows: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
    // The tail reads when the test says so (and once at each start, as serve does).
    stock: { pollMs: 600_000, driftRecheckSeconds: 0.2 },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const config = parsed.config;

  // Shopify starts where ERPNext's Bins are (the seed gives SKU-1010 no stock): the property compares every level.
  const bins = erp.docs('Bin');
  for (const [locationId, warehouses] of Object.entries(stockWarehouses)) {
    for (const item of shopify.shop.inventory.items.values()) {
      const total = bins.filter((bin) => bin.item_code === item.sku && warehouses.includes(bin.warehouse as WarehouseName)).reduce((sum, bin) => sum + Number(bin.actual_qty) - Number(bin.reserved_qty), 0);
      shopify.driver.changeInventory({ sku: item.sku, locationId: Number(locationId), set: Math.max(0, Math.floor(total)) });
    }
  }

  const runnerErpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET, sleep: briefly });
  const client = createShopifyClient({ shop: proxy.url, accessToken: TOKEN, sleep: briefly });
  const openStore = (): Store => {
    const store = openSqliteStore({ path: config.store.path, synchronous: 'NORMAL' });
    return options.wrapStore ? options.wrapStore(store) : store;
  };
  let store = openStore();
  const makeRunner = (): Runner =>
    createRunner({ config, store, erpnext: runnerErpnext, logger: createLogger({ level: 'silent' }), jitter: () => 0.5, processMetrics: false, stock: { shopify: () => client, erpnext: runnerErpnext } });
  let runner = makeRunner();
  const url = await runner.start();
  // The first read starts at the ledger's end: nothing the test does afterwards may fall before it.
  await runner.tailStock();
  for (const topic of TOPICS) shopify.webhooks.subscribe({ topic, address: `${url}${config.server.webhookPath}` });

  let answered = 0;
  shopify.webhooks.on('delivery:sent', () => (answered += 1));
  shopify.webhooks.on('delivery:failed', () => (answered += 1));
  let restarts = 0;

  return {
    erp,
    erpnext,
    shopify,
    stockWarehouses,
    config,
    runner: () => runner,
    store: () => store,
    held: () => timer.count,
    async deliver(picks) {
      const target = answered;
      let released = 0;
      for (const pick of picks) if (timer.release(pick)) released += 1;
      const until = target + released;
      await withDeadline('the released deliveries', 5_000, (async () => {
        while (answered < until) await new Promise((resolve) => setTimeout(resolve, 2));
      })());
      return released;
    },
    async restart() {
      restarts += 1;
      await runner.stop();
      await store.close();
      store = openStore();
      runner = makeRunner();
      await runner.start();
    },
    loseMutationResponses: (count) => proxy.arm(count),
    lostResponses: () => proxy.lost(),
    restarts: () => restarts,
    async quiesce() {
      proxy.disarm();
      erp.faults.clear();
      shopify.webhooks.configure({ delayMs: 0 });
      while (timer.release(0));
      await withDeadline('quiescence', 20_000, (async () => {
        if (!(await settleStock({ runner, store, shopify }))) throw new Error('the runner and Shopify kept exchanging work after 20 rounds');
      })());
    },
    async stop() {
      await runner.stop();
      await store.close();
      await shopify.close();
      await proxy.close();
      await erp.close();
    },
  };
}
