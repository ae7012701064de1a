import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { binOf, receiveStock } from './support/erpnext-stock';
import { startStockHarness, type StockHarness } from './support/stock-harness';
import { useTempDir } from './support/temp-dir';

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

interface Setup extends StockHarness {
  readonly hop: Switchable;
}

/**
 * The stock harness (both simulators, inventory live, no duplicate deliveries), whose Admin API client
 * — and the /readyz probe `shopify:<shop>` built on it, as serve builds it — reaches Shopify through
 * `hop`, with no client-side retries: the runner, not the client, is under test.
 */
async function start(dir: string): Promise<Setup> {
  let hop: Switchable | undefined;
  const reach = async (shopifyUrl: string) => {
    hop = new Switchable(Number(new URL(shopifyUrl).port));
    await hop.up();
    return `http://127.0.0.1:${hop.port}`;
  };
  // A retry budget of half a second: an outage three times as long must not spend it.
  const worker = { maxDelayMs: 100, outageProbeMs: 50, retryForMinutes: 0.5 / 60 };
  const harness = await startStockHarness(dir, {}, 0, (client) => client, { worker, reach, maxRetries: 0, probes: true });
  const switchable = hop!;
  return {
    ...harness,
    hop: switchable,
    async stop() {
      await harness.stop();
      await switchable.down();
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
    await s.settle();
    const after = await s.store.listEvents({ topic: 'stock/changed' });
    expect(after.map((event) => event.status)).toContain('applied');
    expect(after.every((event) => event.status !== 'failed')).toBe(true);
    expect(await s.store.failures({ status: 'all' })).toEqual([]);
    const bin = await binOf(s.erpnext, 'SKU-1001', SITE.warehouse);
    expect(s.shopify.driver.getInventory('SKU-1001', s.locationId).available).toBe(Math.max(0, Math.floor(bin.actual_qty - bin.reserved_qty)));
    expect(bookedWhileDown).toBe(1);
  });
});
