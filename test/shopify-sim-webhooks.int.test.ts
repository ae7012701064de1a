import { createShopifySimulator, shopifyRetryDelaySeconds, type ShopifySimulator, type ShopifySimulatorOptions } from '@shopsync/simulators';
import { startWebhookReceiver, type ReceivedWebhook, type ReceiverScript, type WebhookReceiver } from './support/shopify-webhook-receiver';

// Real HTTP on loopback; time is compressed (timeScale) so Shopify's four-hour retry window passes in
// milliseconds, and every wait is on an event or a promise, never a sleep.

const SECRET = 'test-webhook-secret';
const FAST = 1e6; // Shopify seconds per real second: 8 retries over 4 h take ≈14 ms.

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

function newSimulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  const sim = createShopifySimulator({ seed: 3, webhookSecret: SECRET, timeScale: FAST, now: () => new Date('2026-11-27T15:15:00Z'), ...options });
  opened.push(sim);
  return sim;
}

/** A receiver and a simulator subscribed to it on `topics`; both are closed after the test. */
async function setup(script?: ReceiverScript, options: ShopifySimulatorOptions = {}, topics = ['orders/create']) {
  const receiver = await startWebhookReceiver(SECRET, script);
  opened.push(receiver);
  const sim = newSimulator(options);
  for (const topic of topics) sim.webhooks.subscribe({ topic, address: receiver.url });
  return { sim, receiver };
}

const bodyOf = (r: ReceivedWebhook): Record<string, unknown> => JSON.parse(r.rawBody.toString('utf8')) as Record<string, unknown>;
const distinct = (r: WebhookReceiver, header: string): number => new Set(r.received.map((w) => w.headers[header])).size;

describe('a delivery', () => {
  it('carries every Shopify header, correctly signed over the raw body', async () => {
    const { sim, receiver } = await setup(undefined, { shopDomain: 'acme.myshopify.com' });
    const order = sim.driver.createOrder({ customer: null });
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    if (!got) throw new Error('no delivery');
    expect(got.hmacValid).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'acme.myshopify.com',
      'x-shopify-api-version': '2026-10',
      'x-shopify-triggered-at': '2026-11-27T15:15:00.000Z',
    });
    expect(got.headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(got.headers['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bodyOf(got)).toEqual(order);
    expect(sim.webhooks.stats()).toEqual({ deliveries: 1, uniqueDeliveries: 1, duplicateDeliveries: 0, retries: 0, failures: 0, dropped: 0, gaveUp: 0, byStatus: { '200': 1 } });
  });

  it('is signed with the configured secret only', async () => {
    const { sim, receiver } = await setup(undefined, { webhookSecret: 'another-secret' });
    sim.driver.createOrder({});
    const [got] = await receiver.waitFor(1);
    expect(got?.hmacValid).toBe(false);
  });

  it('shares X-Shopify-Event-Id across the topics and subscriptions of one action, never the webhook id', async () => {
    const { sim, receiver } = await setup(undefined, {}, ['customers/create', 'orders/create', 'orders/paid']);
    sim.webhooks.subscribe({ topic: 'orders/create', address: `${receiver.url}?second`, name: 'erp-bridge' });
    sim.driver.createOrder({ customer: 'new', financialStatus: 'paid' });
    await sim.webhooks.drain();
    expect(receiver.received.map((r) => r.headers['x-shopify-topic']).sort()).toEqual(['customers/create', 'orders/create', 'orders/create', 'orders/paid']);
    expect(distinct(receiver, 'x-shopify-event-id')).toBe(1);
    expect(distinct(receiver, 'x-shopify-webhook-id')).toBe(4);
    expect(receiver.received.filter((r) => r.headers['x-shopify-name'] === 'erp-bridge')).toHaveLength(1);
  });

  it('gives a later action a later updated_at and a new event id', async () => {
    const { sim, receiver } = await setup(undefined, {}, ['orders/create', 'orders/updated']);
    const order = sim.driver.createOrder({});
    sim.driver.updateOrder(order.id, { note: 'leave at the door' });
    await sim.webhooks.drain();
    const [created, updated] = receiver.received.map(bodyOf);
    expect(updated?.note).toBe('leave at the door');
    expect(Date.parse(String(updated?.updated_at))).toBeGreaterThan(Date.parse(String(created?.updated_at)));
    expect(distinct(receiver, 'x-shopify-event-id')).toBe(2);
  });
});

describe('at-least-once delivery', () => {
  it('duplicates a delivery with the same webhook id and the same bytes', async () => {
    const { sim, receiver } = await setup(undefined, { faults: { duplicateRate: 1 } });
    sim.driver.createOrder({});
    sim.driver.createOrder({});
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(4);
    const byId = new Map<unknown, Buffer[]>();
    for (const r of receiver.received) byId.set(r.headers['x-shopify-webhook-id'], [...(byId.get(r.headers['x-shopify-webhook-id']) ?? []), r.rawBody]);
    expect([...byId.values()].map((bodies) => bodies.length)).toEqual([2, 2]);
    for (const [first, second] of byId.values()) expect(first?.equals(second ?? Buffer.alloc(0))).toBe(true);
    expect(sim.webhooks.stats()).toMatchObject({ deliveries: 4, uniqueDeliveries: 2, duplicateDeliveries: 2, retries: 0 });
  });

  it('retries a failed delivery with the same webhook id and bytes until it succeeds', async () => {
    const { sim, receiver } = await setup((_r, i) => (i < 2 ? 500 : 200));
    const failed: unknown[] = [];
    sim.webhooks.on('delivery:failed', (e) => failed.push(e));
    sim.driver.createOrder({});
    expect(await sim.webhooks.once('delivery:sent')).toMatchObject({ attempt: 3, status: 200, duplicate: false });
    expect(distinct(receiver, 'x-shopify-webhook-id')).toBe(1);
    expect(receiver.received.every((r) => r.rawBody.equals(receiver.received[0]?.rawBody ?? Buffer.alloc(0)))).toBe(true);
    expect(failed).toEqual([
      expect.objectContaining({ attempt: 1, status: 500, willRetry: true, retryInMs: (shopifyRetryDelaySeconds(1) * 1000) / FAST }),
      expect.objectContaining({ attempt: 2, status: 500, willRetry: true, retryInMs: (shopifyRetryDelaySeconds(2) * 1000) / FAST }),
    ]);
    await sim.webhooks.drain();
    expect(sim.webhooks.stats()).toMatchObject({ deliveries: 3, uniqueDeliveries: 1, retries: 2, failures: 2, byStatus: { '500': 2, '200': 1 } });
  });

  it('gives up after the first attempt and 8 retries', async () => {
    const { sim, receiver } = await setup(() => 503);
    sim.driver.createOrder({});
    expect((await sim.webhooks.once('delivery:gave-up')).attempts).toBe(9);
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(9);
    expect(sim.webhooks.stats()).toMatchObject({ deliveries: 9, retries: 8, failures: 9, gaveUp: 1 });
    expect(sim.webhooks.deliveries()[0]).toMatchObject({ status: 'gave-up', attempts: 9, lastStatus: 503 });
  });

  it('counts an unreachable address and a silent receiver as failures', async () => {
    const { sim } = await setup(() => 'hold', { timeoutMs: 20, faults: { concurrency: 2 } });
    const closedPort = await startWebhookReceiver(SECRET);
    await closedPort.close();
    sim.webhooks.subscribe({ topic: 'customers/create', address: closedPort.url });
    const errors = new Set<string>();
    sim.webhooks.on('delivery:failed', (e) => errors.add(e.error?.split(' ')[0] ?? 'none'));
    sim.driver.createOrder({ customer: null });
    sim.driver.createCustomer({});
    const outcomes = await Promise.all(['orders/create', 'customers/create'].map((topic) => sim.webhooks.once('delivery:gave-up', (e) => e.topic === topic)));
    expect(outcomes.map((o) => o.attempts)).toEqual([9, 9]);
    expect([...errors].sort()).toEqual(['connect', 'no']); // "connect ECONNREFUSED …", "no response within 20 ms"
    expect(sim.webhooks.stats().byStatus).toEqual({ timeout: 9, network: 9 });
  });
});

describe('faults', () => {
  it('drops deliveries Shopify never sends, and records them', async () => {
    const { sim, receiver } = await setup(undefined, { faults: { dropRate: 1 } });
    const dropped = sim.webhooks.once('delivery:dropped');
    const order = sim.driver.createOrder({});
    expect(await dropped).toMatchObject({ topic: 'orders/create' });
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(0);
    expect(sim.webhooks.stats()).toMatchObject({ deliveries: 0, dropped: 1 });
    expect(sim.webhooks.deliveries()[0]?.status).toBe('dropped');
    expect(JSON.parse(sim.webhooks.deliveries()[0]?.body.toString('utf8') ?? '')).toMatchObject({ id: order.id });
  });

  it('drops some deliveries at a partial rate, the same ones for the same seed', async () => {
    const { sim, receiver } = await setup(undefined, { faults: { dropRate: 0.5 } });
    const twin = newSimulator({ faults: { dropRate: 0.5 } });
    twin.webhooks.subscribe({ topic: 'orders/create', address: receiver.url });
    for (let i = 0; i < 20; i += 1) {
      sim.driver.createOrder({});
      twin.driver.createOrder({});
    }
    await Promise.all([sim.webhooks.drain(), twin.webhooks.drain()]);
    const { dropped, uniqueDeliveries } = sim.webhooks.stats();
    expect(dropped + uniqueDeliveries).toBe(20);
    expect(dropped).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(2 * uniqueDeliveries);
    const statuses = (s: ShopifySimulator): string[] => s.webhooks.deliveries().map((d) => d.status);
    expect(statuses(twin)).toEqual(statuses(sim));
  });

  it('reorders pending deliveries within the window, losing none', async () => {
    const { sim, receiver } = await setup(undefined, { faults: { reorder: { window: 5 } } });
    const names = Array.from({ length: 20 }, () => sim.driver.createOrder({}).name);
    await sim.webhooks.drain();
    const arrived = receiver.received.map((r) => String(bodyOf(r).name));
    expect(arrived).not.toEqual(names);
    expect([...arrived].sort()).toEqual([...names].sort());
    // With a window of 5, nothing overtakes more than 4 deliveries queued before it.
    arrived.forEach((name, position) => expect(names.indexOf(name) - position).toBeLessThanOrEqual(4));
  });

  it('keeps FIFO order without the reorder fault', async () => {
    const { sim, receiver } = await setup();
    const names = Array.from({ length: 10 }, () => sim.driver.createOrder({}).name);
    await sim.webhooks.drain();
    expect(receiver.received.map((r) => bodyOf(r).name)).toEqual(names);
  });

  it('never has more POSTs in flight than the concurrency option', async () => {
    const CONCURRENCY = 3;
    const { sim, receiver } = await setup(() => 'hold', { faults: { concurrency: CONCURRENCY } });
    for (let i = 0; i < 9; i += 1) sim.driver.createOrder({});
    for (let batch = 1; batch <= 3; batch += 1) {
      await receiver.waitFor(batch * CONCURRENCY);
      expect(receiver.held()).toBe(CONCURRENCY);
      receiver.release(200);
    }
    await sim.webhooks.drain();
    expect(Math.max(...receiver.received.map((r) => r.concurrentAtArrival))).toBe(CONCURRENCY);
    expect(sim.webhooks.stats().deliveries).toBe(9);
  });

  it('delays each attempt by delayMs on the injected timer', async () => {
    const waits: number[] = [];
    const timer = {
      setTimeout: (callback: () => void, ms: number) => {
        waits.push(ms);
        // The fault delay fires at once; request timeouts keep their real duration.
        return setTimeout(callback, ms === 250 ? 0 : ms);
      },
      clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
    };
    const { sim, receiver } = await setup(undefined, { timer, faults: { delayMs: 250 } });
    sim.driver.createOrder({});
    await sim.webhooks.drain();
    expect(waits).toContain(250);
    expect(receiver.received).toHaveLength(1);
  });

  it('rejects fault options out of range, naming each', () => {
    expect(() => createShopifySimulator({ faults: { duplicateRate: 2, concurrency: 0 } })).toThrow(
      /duplicateRate must be a probability in \[0, 1\], received 2; concurrency must be an integer ≥ 1, received 0/,
    );
  });
});
