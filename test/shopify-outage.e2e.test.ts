import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { DEMO_MAPPING, settleStock } from '@shopsync/demo';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { createLogger, createRunner, openSqliteStore, parseConfig, shopifyProbes, type Runner, type Store } from '@shopsync/runner';
import { createShopifyClient } from '@shopsync/shopify-client';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';
import { binOf, receiveStock } from './support/erpnext-stock';
import { useTempDir } from './support/temp-dir';

const ERP_KEY = 'outage-key';
const ERP_SECRET = 'outage-secret';
const SECRET = 'outage-webhook-secret';
const TOKEN = 'shpat_outage_e2e';
const SITE = { company: 'Shopsync Demo', warehouse: 'Stores - SD' };

/** A TCP hop in front of the Shopify simulator that can be switched off: then connections are refused. */
class Switchable {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server !== null) await new Promise((resolve) => server.close(resolve));
  }
}

interface Setup {
  readonly erp: ErpnextSimulator;
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  readonly hop: Switchable;
  readonly runner: Runner;
  readonly store: Store;
  readonly locationId: number;
  stop(): Promise<void>;
}

/**
 * Both simulators and a runner with the inventory flow live, whose Admin API client (and the /readyz
 * probe `shopify:<shop>` built on it, as serve builds it) reaches Shopify through `hop`.
 */
async function start(dir: string): Promise<Setup> {
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({ seed: 11, webhookSecret: SECRET, accessToken: TOKEN, timeScale: 1e6, graphql: { plan: 'plus' } });
  const { url: shopifyUrl } = await shopify.listen(0);
  const hop = new Switchable(Number(new URL(shopifyUrl).port));
  await hop.up();
  const locationId = shopify.shop.inventory.primaryLocation().id;
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(dir, 'outage.sqlite'), synchronous: 'NORMAL' },
    server: { port: 0 },
    // A retry budget of half a second: an outage three times as long must not spend it.
    worker: { concurrency: 4, pollMs: 20, baseDelayMs: 10, maxDelayMs: 100, outageProbeMs: 50, retryForMinutes: 0.5 / 60 },
    mapping: { ...DEMO_MAPPING, locationWarehouses: { [String(locationId)]: DEMO_MAPPING.defaultWarehouse } },
    flows: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
    stock: { pollMs: 60_000, driftRecheckSeconds: 0.2 },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const config = parsed.config;
  const store = openSqliteStore({ path: config.store.path, synchronous: 'NORMAL' });
  const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  // No client-side retries: the runner, not the client, is under test.
  const client = createShopifyClient({ shop: `http://127.0.0.1:${hop.port}`, accessToken: TOKEN, maxRetries: 0 });
  const runner = createRunner({
    config,
    store,
    erpnext,
    logger: createLogger({ level: 'silent' }),
    jitter: () => 0.5,
    stock: { shopify: () => client, erpnext },
    probes: shopifyProbes([{ domain: shopify.shop.domain, client }]),
  });
  const url = await runner.start();
  for (const topic of ['orders/create', 'orders/paid', 'inventory_levels/update']) shopify.webhooks.subscribe({ topic, address: `${url}${config.server.webhookPath}` });
  return {
    erp,
    erpnext,
    shopify,
    hop,
    runner,
    store,
    locationId,
    async stop() {
      await runner.stop();
      await store.close();
      await hop.down();
      await shopify.close();
      await erp.close();
    },
  };
}

describe('a Shopify outage longer than the retry budget', () => {
  const dir = useTempDir();
  let s: Setup;
  beforeEach(async () => {
    s = await start(dir());
    await s.runner.tailStock(); // the tail starts at the ledger's end: the opening stock is not replayed
  });
  afterEach(async () => s.stop());

  test('a stock push waits without spending attempts or spinning, orders keep flowing, and it is applied once Shopify answers', async () => {
    const breaker = s.runner.shopifyOutages.get(s.shopify.shop.domain)!;
    expect(breaker).toBeDefined();
    let claims = 0;
    s.runner.workers.on('event:claimed', (event) => {
      if (event.topic === 'stock/changed') claims += 1;
    });
    await s.hop.down();
    const opened = once(breaker, 'opened');
    await receiveStock(s.erpnext, SITE, 'SKU-1001', 25);
    await s.runner.tailStock();
    await opened;
    // An order needs only ERPNext: it is booked while this shop's Shopify is down.
    const order = s.shopify.driver.createOrder({ customer: 'new' });
    await s.shopify.webhooks.drain();
    // Down for three times the retry budget, while the breaker probes.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const bookedWhileDown = s.erp.docs('Sales Order').filter((doc) => doc.shopify_order_id === String(order.id)).length;
    const during = await s.store.listEvents({ topic: 'stock/changed' });
    expect(during.length).toBeGreaterThan(0);
    expect(during.map((event) => [event.status, event.attempts])).toEqual(during.map(() => ['pending', 0]));
    expect(await s.store.failures({ status: 'all' })).toEqual([]);
    // Claimed about once per probe (every 50–100 ms), not in a loop: a bound with room for slow machines.
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThan(40 * during.length);
    const trail = await s.store.evidence(during[0]!.id);
    const deferred = trail.filter((row) => row.kind === 'deferred');
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred.every((row) => (row.data as { kind: string }).kind === 'outage')).toBe(true);
    expect((deferred[0]!.data as { reason: string }).reason).toMatch(new RegExp(`^Shopify \\(${s.shopify.shop.domain.replace(/\./g, '\\.')}\\) is unreachable .*waiting for it to answer again`));

    const closed = once(breaker, 'closed');
    await s.hop.up();
    await closed;
    await settleStock({ runner: s.runner, store: s.store, shopify: s.shopify }, 10);
    const after = await s.store.listEvents({ topic: 'stock/changed' });
    expect(after.map((event) => event.status)).toContain('applied');
    expect(after.every((event) => event.status !== 'failed')).toBe(true);
    expect(await s.store.failures({ status: 'all' })).toEqual([]);
    const bin = await binOf(s.erpnext, 'SKU-1001', SITE.warehouse);
    expect(s.shopify.driver.getInventory('SKU-1001', s.locationId).available).toBe(Math.max(0, Math.floor(bin.actual_qty - bin.reserved_qty)));
    expect(bookedWhileDown).toBe(1);
  });
});
