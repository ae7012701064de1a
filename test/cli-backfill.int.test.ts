import { runBackfill, type EventSummary } from '@shopsync/runner';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';
import { recordingContext, T0 } from './support/cli-harness';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { drainWithRunner, SIM_SHOP, withConfiguredStore, writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// `shopsync backfill` against the Shopify simulator's GraphQL API: the orders whose webhooks the
// runner never received are enqueued into the same inbox, once, and a runner applies them.

const DAY = 24 * 60 * 60 * 1000;

interface BackfillJson {
  since: string;
  until: string | null;
  scanned: number;
  enqueued: number;
  alreadyKnown: number;
  transactions: number;
  refused: number;
  shops: Array<{ refused: Array<{ name: string; reason: string }> }>;
}

describe('shopsync backfill', () => {
  const dir = useTempDir();
  let shop: BackfillShop;
  let erp: RunningSim;
  let config: string;
  let names: string[];

  beforeEach(async () => {
    // Three orders on three days (Nov 27, 28, 29), none of whose webhooks reached shopsync.
    shop = await startBackfillShop();
    const paid = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    shop.time.advance(DAY);
    const pending = shop.sim.driver.createOrder({ customer: null, lines: [{ sku: 'SKU-1003' }], financialStatus: 'pending' });
    shop.time.advance(DAY);
    const third = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1004' }, { sku: 'SKU-1005' }] });
    names = [paid.name, pending.name, third.name];
    await shop.drain();
    erp = await startSim();
    config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url, accessToken: SIM_TOKEN });
  });
  afterEach(async () => {
    await shop.close();
    await erp.sim.close();
  });

  async function backfill(args: { since: string; until?: string; json?: boolean }) {
    const ctx = recordingContext();
    const code = await runBackfill({ config, json: true, ...args }, ctx);
    return { code, ctx };
  }

  const events = (): Promise<EventSummary[]> => withConfiguredStore(config, async (store) => (await store.listEvents({ limit: 100 })).reverse());

  test('enqueues each order as orders/updated with a deterministic id, and its transactions; a second run enqueues nothing', async () => {
    const first = await backfill({ since: '2026-11-01' });
    expect(first.code).toBe(0);
    expect(first.ctx.json<BackfillJson>()).toMatchObject({ since: '2026-11-01T00:00:00.000Z', until: null, scanned: 3, enqueued: 3, alreadyKnown: 0, transactions: 2, refused: 0 });
    const stored = await events();
    const orders = stored.filter((event) => event.topic === 'orders/updated');
    expect(orders.map((event) => event.webhookId)).toEqual([expect.stringMatching(/^backfill:\d+:2026-11-27T15:15:00Z$/), expect.stringMatching(/^backfill:\d+:2026-11-28T15:15:00Z$/), expect.stringMatching(/^backfill:\d+:2026-11-29T15:15:00Z$/)]);
    expect(stored.filter((event) => event.topic === 'order_transactions/create').map((event) => event.webhookId)).toEqual([expect.stringMatching(/^backfill:transaction:\d+$/), expect.stringMatching(/^backfill:transaction:\d+$/)]);
    // Each transaction follows its order in the inbox, so the order's state is known when its payment is planned.
    expect(stored.map((event) => event.topic)).toEqual(['orders/updated', 'order_transactions/create', 'orders/updated', 'orders/updated', 'order_transactions/create']);

    const again = await backfill({ since: '2026-11-01' });
    expect(again.ctx.json<BackfillJson>()).toMatchObject({ scanned: 3, enqueued: 0, alreadyKnown: 3, transactions: 0 });
    expect(await events()).toHaveLength(stored.length);
  });

  test('--until bounds the window (a bare date is its whole UTC day); an order changed since is a new event', async () => {
    const window = await backfill({ since: '2026-11-28', until: '2026-11-28' });
    expect(window.ctx.json<BackfillJson>()).toMatchObject({ since: '2026-11-28T00:00:00.000Z', until: '2026-11-28T23:59:59.000Z', scanned: 1, enqueued: 1 });
    const [pendingEvent] = await events();
    expect(JSON.parse((await readEvent(pendingEvent!.id)).payload)).toMatchObject({ name: names[1], financial_status: 'pending' });
    shop.time.advance(DAY);
    const id = Number(JSON.parse((await readEvent(pendingEvent!.id)).payload).id);
    shop.sim.driver.payOrder(id);
    await shop.drain();
    const later = await backfill({ since: '2026-11-28' });
    expect(later.ctx.json<BackfillJson>()).toMatchObject({ scanned: 2, enqueued: 2, alreadyKnown: 0, transactions: 2 });
  });

  test('without --json: a progress line on stderr and a summary on stdout', async () => {
    const ctx = recordingContext();
    expect(await runBackfill({ config, since: '2026-11-01' }, ctx)).toBe(0);
    expect(ctx.err()).toMatch(new RegExp(`backfill ${SIM_SHOP}: 3/3 orders read \\(\\d+\\.\\d/s\\), 3 enqueued`));
    expect(ctx.out()).toContain('enqueued 3 (with 2 transactions); already in the inbox 0');
  });

  test('a running runner applies the backfilled events as it would webhooks', async () => {
    await backfill({ since: '2026-11-01' });
    // The CLI context's clock stood at T0 when the events were enqueued.
    const counts = await drainWithRunner(config, erp.client, T0);
    expect(counts.byStatus).toEqual({ applied: 5 });
    expect(erp.sim.docs('Sales Order').map((doc) => doc.shopify_order_name).sort()).toEqual([...names].sort());
    expect(erp.sim.countDocs('Payment Entry')).toBe(2);
  });

  test('a refunded order is enqueued with its refunds, and its refund transaction with the others', async () => {
    const refunded = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1006', quantity: 2 }] });
    shop.time.advance(60_000);
    shop.sim.driver.refundOrder(refunded.id, { lines: [{ sku: 'SKU-1006', quantity: 1 }], shipping: true });
    const run = await backfill({ since: '2026-11-01' });
    expect(run.code).toBe(0);
    expect(run.ctx.json<BackfillJson>()).toMatchObject({ scanned: 4, enqueued: 4, transactions: 4, refused: 0 });
    const stored = await events();
    const orderEvents = await Promise.all(stored.filter((event) => event.topic === 'orders/updated').map((event) => readEvent(event.id)));
    const payload = orderEvents.map((event) => JSON.parse(event.payload) as { id: number; financial_status: string; refunds: unknown[] }).find((order) => order.id === refunded.id);
    expect(payload).toMatchObject({ financial_status: 'partially_refunded', refunds: [{ refund_line_items: [{ quantity: 1 }], refund_shipping_lines: [expect.anything()], transactions: [{ kind: 'refund', status: 'success' }] }] });
  });

  test('an order with more refunds than the client reads is named and not enqueued; the exit code is 1', async () => {
    const refunded = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1008', quantity: 5 }] });
    for (let i = 0; i < 5; i += 1) {
      shop.time.advance(60_000);
      shop.sim.driver.refundOrder(refunded.id, { lines: [{ sku: 'SKU-1008', quantity: 1 }] });
    }
    const run = await backfill({ since: '2026-11-01' });
    expect(run.code).toBe(1);
    const report = run.ctx.json<BackfillJson>();
    expect(report).toMatchObject({ scanned: 4, enqueued: 3, refused: 1 });
    expect(report.shops[0]?.refused).toEqual([{ id: String(refunded.id), name: refunded.name, reason: expect.stringMatching(/5 or more refunds/) }]);
  });

  test('bad arguments and a shop without a token are reported together, exit 2', async () => {
    config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url });
    const ctx = recordingContext();
    expect(await runBackfill({ config, since: 'last week', until: '2026-11-01' }, ctx)).toBe(2);
    expect(ctx.err()).toContain('--since must be a date');
    expect(ctx.err()).toContain(`${SIM_SHOP}: no Admin API access token`);
  });

  const readEvent = async (id: number) => (await withConfiguredStore(config, (store) => store.getEvent(id)))!;
});
