import { once } from 'node:events';
import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['orders/create', 'orders/paid', 'order_transactions/create'];

/**
 * ERPNext goes down for longer than the whole retry budget (here 0.5 s, so the test needs no minutes):
 * nothing may be parked for it, no attempt is spent while it is down, and the backlog drains without
 * an operator when it answers again. Before the breaker, 8 attempts were spent in ~2 minutes and a
 * 134 s outage parked 307 events.
 */
describe('an ERPNext outage longer than the retry budget', () => {
  const dir = useTempDir();
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(dir(), {}, {}, { retryForMinutes: 0.5 / 60, outageProbeMs: 50, baseDelayMs: 20, maxDelayMs: 100 });
    for (const topic of TOPICS) h.shopify.webhooks.subscribe({ topic, address: h.primary.webhookUrl });
  });
  afterEach(async () => h.stop());

  test('stops claiming, spends no attempts, and drains every order once ERPNext answers again', async () => {
    const breaker = h.primary.runner.outage!;
    h.erp.faults.inject({ kind: 'status', status: 503, excType: 'SessionStopped' });
    const opened = once(breaker, 'opened');
    const orders = Array.from({ length: 5 }, () => h.shopify.driver.createOrder({ customer: 'new' }));
    await h.shopify.webhooks.drain();
    await opened;
    // Down for three times the retry budget, while the breaker probes.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const during = await h.primary.store.counts();
    expect(during.byStatus.failed ?? 0).toBe(0);
    const closed = once(breaker, 'closed');
    h.erp.faults.clear();
    await closed;
    await h.primary.runner.drained();
    expect(await h.primary.store.failures({ status: 'all' })).toEqual([]);
    const salesOrders = h.erp.docs('Sales Order');
    expect(orders.map((order) => salesOrders.filter((doc) => doc.shopify_order_id === String(order.id)).length)).toEqual([1, 1, 1, 1, 1]);
    expect(h.erp.docs('Payment Entry')).toHaveLength(5);
    const events = await h.primary.store.listEvents({ limit: 100 });
    const trails = await Promise.all(events.map((event) => h.primary.store.evidence(event.id)));
    const deferred = trails.flat().filter((row) => row.kind === 'deferred');
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred.every((row) => (row.data as { kind: string }).kind === 'outage')).toBe(true);
  });

  test('one unlucky request while ERPNext answers is an ordinary retry: the breaker stays closed', async () => {
    const breaker = h.primary.runner.outage!;
    let opened = 0;
    breaker.on('opened', () => (opened += 1));
    h.erp.faults.inject({ kind: 'status', status: 502, path: '/api/resource/Sales Order', method: 'POST', times: 1 });
    const order = h.shopify.driver.createOrder({ customer: 'new' });
    await h.shopify.webhooks.drain();
    await h.primary.runner.drained();
    expect(opened).toBe(0);
    expect(h.erp.docs('Sales Order').filter((doc) => doc.shopify_order_id === String(order.id))).toHaveLength(1);
  });
});
