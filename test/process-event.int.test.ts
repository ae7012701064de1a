import { openSqliteStore, processEvent, type ProcessDeps, type Store } from '@shopsync/runner';
import { createShopifySimulator } from '@shopsync/simulators';
import { join } from 'node:path';
import pino from 'pino';
import { FakeErpnext } from './support/fake-erpnext';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

const T0 = new Date('2026-11-27T10:00:00.000Z');
const pendingOrder = simulatedOrder({ financialStatus: 'pending' });
const orderBody = JSON.stringify(pendingOrder);
const orderId = String(pendingOrder.admin_graphql_api_id).split('/').pop();

describe('processing a stored event', () => {
  const dir = useTempDir();
  let store: Store;
  let erpnext: FakeErpnext;
  let clock: Date;
  let deps: ProcessDeps;

  beforeEach(() => {
    store = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    erpnext = new FakeErpnext();
    clock = T0;
    deps = {
      store,
      erpnext,
      settings: MAPPED_SETTINGS,
      retry: { baseDelayMs: 1_000, maxDelayMs: 60_000, retryBudgetMs: 5_000 },
      now: () => clock,
      jitter: () => 0.5,
      logger: pino({ level: 'silent' }),
      flowModes: { orders: 'live', customers: 'live', inventory: 'off', fulfillment: 'off' },
    };
  });
  afterEach(async () => store.close());

  async function deliverAndProcess(webhookId: string, topic = 'orders/create', body = orderBody) {
    await store.acceptDelivery(
      { shop: SHOP, webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey: `${SHOP}/order/${orderId}`, payload: body, payloadHash: 'h' },
      clock,
    );
    const event = await store.claimNext('w', `t-${webhookId}-${clock.getTime()}`, clock, 60_000);
    if (event === null) throw new Error('nothing to claim');
    return processEvent(event, deps);
  }

  test('creates the customer, then inserts and submits the Sales Order', async () => {
    expect(await deliverAndProcess('w1')).toBe('applied');
    expect(erpnext.calls).toEqual(['insert Customer', 'insert Sales Order', 'submit Sales Order']);
    expect(erpnext.docs.get('Sales Order')?.[0]).toMatchObject({ customer: 'Customer-1', docstatus: 1, shopify_order_id: orderId });
  });

  test('a later event of the same order makes no ERPNext request for keys already applied', async () => {
    await deliverAndProcess('w1');
    erpnext.calls.length = 0;
    expect(await deliverAndProcess('w2', 'orders/updated')).toBe('applied');
    expect(erpnext.calls).toEqual([]);
  });

  test('a response lost after the insert committed is retried, and the retry adopts the document', async () => {
    erpnext.loseNextInsertResponses = 2;
    expect(await deliverAndProcess('w1')).toBe('retry');
    clock = new Date(T0.getTime() + 1_000);
    const retry = await store.claimNext('w', 'again', clock, 60_000);
    expect(await processEvent(retry!, deps)).toBe('retry');
    clock = new Date(T0.getTime() + 5_000);
    const third = await store.claimNext('w', 'third', clock, 60_000);
    expect(await processEvent(third!, deps)).toBe('applied');
    expect([erpnext.count('Customer'), erpnext.count('Sales Order')]).toEqual([1, 1]);
    expect(erpnext.docs.get('Sales Order')?.[0]?.docstatus).toBe(1);
  });

  test('another runner (empty state) meeting an order ERPNext already has adopts it instead of duplicating', async () => {
    await deliverAndProcess('w1');
    await store.close();
    store = openSqliteStore({ path: join(dir(), 'fresh.sqlite') });
    deps = { ...deps, store };
    erpnext.calls.length = 0;
    expect(await deliverAndProcess('w9', 'orders/updated')).toBe('applied');
    // The Sales Order follows its order's edits, so the adopter also looks for an amendment and reads the content.
    expect(erpnext.calls).toEqual(['insert Customer', 'find Customer', 'insert Sales Order', 'find Sales Order', 'find Sales Order', 'get Sales Order']);
    expect([erpnext.count('Customer'), erpnext.count('Sales Order')]).toEqual([1, 1]);
  });

  test('a transient failure is retried until its retry time runs out, then parked with a sentence that says so', async () => {
    erpnext.loseNextInsertResponses = 0;
    erpnext.insertDoc = async () => {
      throw Object.assign(new Error('ERPNext answered 502'), { code: 'erpnext.unavailable', category: 'transient', retryable: true });
    };
    const results = [await deliverAndProcess('w1')];
    for (const ms of [1_000, 3_000, 7_000]) {
      clock = new Date(T0.getTime() + ms);
      const event = await store.claimNext('w', `t${ms}`, clock, 60_000);
      if (event !== null) results.push(await processEvent(event, deps));
    }
    // Budget 5 s from the first failure at T0: attempts at 1 s and 3 s are retried, the one at 7 s parks.
    expect(results).toEqual(['retry', 'retry', 'retry', 'failed']);
    expect((await store.counts()).byStatus).toEqual({ failed: 1 });
    const [failure] = await store.failures({ status: 'open' });
    expect(failure?.message).toContain('it was retried until its retry time (worker.retryForMinutes) ran out');
    expect(failure?.message).not.toContain('is retried automatically');
  });

  test('a payment that arrives before its order waits for it: no attempt spent, run as soon as the order is applied', async () => {
    const paidOrder = simulatedOrder();
    const paidId = String(paidOrder.admin_graphql_api_id).split('/').pop()!;
    const resourceKey = `${SHOP}/order/${paidId}`;
    const sale = { id: 73001, admin_graphql_api_id: 'gid://shopify/OrderTransaction/73001', order_id: Number(paidId), kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: paidOrder.total_price, created_at: '2026-11-27T10:05:00-05:00' };
    const accept = (webhookId: string, topic: string, body: unknown) =>
      store.acceptDelivery({ shop: SHOP, webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey, payload: JSON.stringify(body), payloadHash: webhookId }, clock);
    await accept('pay', 'order_transactions/create', sale);
    const payment = await store.claimNext('w', 'p1', clock, 60_000);
    expect(await processEvent(payment!, deps)).toBe('waiting');
    // The order comes later: no retry was burnt meanwhile, nothing parked.
    clock = new Date(T0.getTime() + 1_000);
    await accept('order', 'orders/create', paidOrder);
    const order = await store.claimNext('w', 'o1', clock, 60_000);
    expect(order?.webhookId).toBe('order');
    expect(await processEvent(order!, deps)).toBe('applied');
    const woken = await store.claimNext('w', 'p2', clock, 60_000);
    expect([woken?.webhookId, woken?.attempts]).toEqual(['pay', 1]);
    expect(await processEvent(woken!, deps)).toBe('applied');
    expect(erpnext.count('Payment Entry')).toBe(1);
    expect(await store.failures({ status: 'all' })).toEqual([]);
  });

  test('a payment whose order never arrives is parked when its retry time runs out, saying it is a payment', async () => {
    const lost = simulatedOrder();
    const lostId = String(lost.admin_graphql_api_id).split('/').pop()!;
    const sale = { id: 73002, admin_graphql_api_id: 'gid://shopify/OrderTransaction/73002', order_id: Number(lostId), kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: lost.total_price, created_at: '2026-11-27T10:05:00-05:00' };
    await store.acceptDelivery({ shop: SHOP, webhookId: 'pay', topic: 'order_transactions/create', eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey: `${SHOP}/order/${lostId}`, payload: JSON.stringify(sale), payloadHash: 'h' }, clock);
    const results = [];
    for (const ms of [0, 60_000, 120_000]) {
      clock = new Date(T0.getTime() + ms);
      const event = await store.claimNext('w', `t${ms}`, clock, 60_000);
      results.push(event === null ? null : await processEvent(event, deps));
    }
    // The budget (5 s here) counts from the first wait; each wait re-plans after maxDelayMs (60 s).
    expect(results).toEqual(['waiting', 'failed', null]);
    const [failure] = await store.failures({ status: 'open' });
    expect(failure).toMatchObject({ code: 'order.not_yet_seen' });
    expect(failure?.message).toMatch(new RegExp(`^Order id ${lostId} has payment 73002, but the order itself has not reached shopsync yet`));
  });

  test('a plan failure parks the event without any ERPNext request', async () => {
    const body = JSON.stringify({ ...JSON.parse(orderBody), currency: 'EUR' });
    expect(await deliverAndProcess('w1', 'orders/create', body)).toBe('failed');
    expect(erpnext.calls).toEqual([]);
  });

  test('a paid order gets its invoice from ERPNext’s mapper, and its payment from the Shopify transaction', async () => {
    const paid = { ...pendingOrder, financial_status: 'paid', updated_at: '2026-11-27T11:00:00-05:00', payment_gateway_names: ['shopify_payments'] };
    expect(await deliverAndProcess('w1', 'orders/paid', JSON.stringify(paid))).toBe('applied');
    expect(erpnext.calls).toEqual(['insert Customer', 'insert Sales Order', 'submit Sales Order', 'find Sales Invoice', 'method make_sales_invoice', 'insert Sales Invoice', 'submit Sales Invoice']);
    erpnext.calls.length = 0;
    const transaction = { id: 73001, admin_graphql_api_id: 'gid://shopify/OrderTransaction/73001', order_id: Number(orderId), kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: pendingOrder.total_price };
    expect(await deliverAndProcess('w2', 'order_transactions/create', JSON.stringify(transaction))).toBe('applied');
    expect(erpnext.calls).toEqual(['find Payment Entry', 'method get_payment_entry', 'insert Payment Entry', 'submit Payment Entry']);
    expect(erpnext.docs.get('Payment Entry')?.[0]).toMatchObject({ mode_of_payment: 'Credit Card', paid_to: 'Shopify Payments Clearing - SD', reference_name: 'Sales Invoice-3' });
  });

  test('an older event arriving after a newer one is superseded and makes no request', async () => {
    const newer = JSON.stringify({ ...pendingOrder, updated_at: '2026-11-27T12:00:00-05:00' });
    await deliverAndProcess('w-new', 'orders/updated', newer);
    erpnext.calls.length = 0;
    expect(await deliverAndProcess('w-old', 'orders/create')).toBe('superseded');
    expect(erpnext.calls).toEqual([]);
  });

  test('cancelling an order whose invoice is submitted parks a conflict naming the blocker', async () => {
    const paid = { ...pendingOrder, financial_status: 'paid', updated_at: '2026-11-27T11:00:00-05:00' };
    await deliverAndProcess('w1', 'orders/paid', JSON.stringify(paid));
    const cancelled = JSON.stringify({ ...paid, cancelled_at: '2026-11-27T12:00:00-05:00', updated_at: '2026-11-27T12:00:00-05:00' });
    expect(await deliverAndProcess('w2', 'orders/cancelled', cancelled)).toBe('failed');
    const [failure] = (await store.failures({ status: 'open' })) as Array<{ code: string; category: string; message: string }>;
    expect(failure).toMatchObject({ code: 'conflict.cancel_blocked', category: 'conflict' });
    expect(failure?.message).toContain('cannot be cancelled in ERPNext (Cannot delete or cancel because Sales Order');
  });

  test('in shadow mode the plan is recorded and nothing is written; switching to live then applies', async () => {
    deps = { ...deps, flowModes: { ...deps.flowModes, orders: 'shadow' } };
    expect(await deliverAndProcess('w1')).toBe('skipped');
    expect(erpnext.calls).toEqual([]);
    const [event] = await store.listEvents({ limit: 1 });
    const trail = await store.evidence(event!.id);
    expect(trail.map((row) => row.kind)).toEqual(['received', 'plan', 'result']);
    expect(JSON.stringify(trail[2]!.data)).toContain('shadow mode (orders)');
    deps = { ...deps, flowModes: { ...deps.flowModes, orders: 'live' } };
    expect(await deliverAndProcess('w2', 'orders/updated')).toBe('applied');
    expect(erpnext.count('Sales Order')).toBe(1);
  });

  test('orders/edited is applied from Shopify’s edited order: the Sales Order is cancelled and amended; without Shopify access it is skipped, saying why', async () => {
    const shopify = createShopifySimulator({ seed: 11, now: () => new Date('2026-11-27T15:00:00.000Z') });
    const created = shopify.driver.createOrder({ financialStatus: 'pending', lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    const id = String(created.id);
    const deliver = async (webhookId: string, topic: string, body: unknown) => {
      await store.acceptDelivery({ shop: SHOP, webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey: `${SHOP}/order/${id}`, payload: JSON.stringify(body), payloadHash: webhookId }, clock);
      const event = await store.claimNext('w', `t-${webhookId}`, clock, 60_000);
      return processEvent(event!, deps);
    };
    expect(await deliver('w1', 'orders/create', created)).toBe('applied');
    const edited = JSON.parse(JSON.stringify(shopify.driver.editOrder(created.id, { removals: [{ lineItemId: created.line_items[0]!.id, quantity: 1 }] })));
    const editBody = { order_edit: { id: 1, order_id: created.id, line_items: { additions: [], removals: [{ id: created.line_items[0]!.id, delta: 1 }] } } };

    expect(await deliver('w2', 'orders/edited', editBody)).toBe('skipped');
    expect((await store.listEvents({ limit: 1 }))[0]).toMatchObject({ topic: 'orders/edited', status: 'skipped', reason: expect.stringContaining('1 removed') });

    deps = { ...deps, latestOrder: async () => ({ payload: edited }) };
    expect(await deliver('w3', 'orders/edited', editBody)).toBe('applied');
    const salesOrders = erpnext.docs.get('Sales Order') ?? [];
    expect(salesOrders.map((doc) => [doc.shopsync_key, doc.docstatus, (doc.items as Array<{ qty: number }>)[0]?.qty])).toEqual([
      [`sales-order:${SHOP}:${id}`, 2, 2],
      [`sales-order:${SHOP}:${id}~1`, 1, 1],
    ]);
    expect(salesOrders[1]!.amended_from).toBe(salesOrders[0]!.name);
  });

  test('requeue plans from Shopify’s latest order; retry re-applies the stored payload; both leave evidence', async () => {
    const stale = JSON.stringify({ ...pendingOrder, currency: 'EUR' });
    expect(await deliverAndProcess('w1', 'orders/create', stale)).toBe('failed');
    const [event] = await store.listEvents({ limit: 1 });
    const fresh = { ...pendingOrder, updated_at: '2026-11-27T12:00:00-05:00' };
    const asked: string[] = [];
    deps = { ...deps, latestOrder: async (shop, id) => (asked.push(`${shop} ${id}`), { payload: fresh }) };
    expect(await store.requeueEvent(event!.id, 'retry', clock)).toBe('requeued');
    const retried = await store.claimNext('w', 'r1', clock, 60_000);
    expect([retried?.refreshFirst, await processEvent(retried!, deps)]).toEqual([false, 'failed']);
    expect(asked).toEqual([]);
    expect(await store.requeueEvent(event!.id, 'requeue', clock)).toBe('requeued');
    const requeued = await store.claimNext('w', 'r2', clock, 60_000);
    expect([requeued?.refreshFirst, await processEvent(requeued!, deps)]).toEqual([true, 'applied']);
    expect(asked).toEqual([`${SHOP} ${orderId}`]);
    const trail = (await store.evidence(event!.id)).map((row) => row.kind);
    expect(trail.filter((kind) => kind === 'refresh')).toHaveLength(1);
    expect(erpnext.count('Sales Order')).toBe(1);
  });

  test('a requeue without Shopify credentials falls back to the stored payload and says so', async () => {
    expect(await deliverAndProcess('w1')).toBe('applied');
    const [event] = await store.listEvents({ limit: 1 });
    await store.requeueEvent(event!.id, 'requeue', clock);
    const requeued = await store.claimNext('w', 'r1', clock, 60_000);
    expect(await processEvent(requeued!, deps)).toBe('applied');
    const refresh = (await store.evidence(event!.id)).find((row) => row.kind === 'refresh');
    expect(refresh?.data).toEqual({ refreshed: false, reason: 'no Shopify credentials are configured for this shop' });
  });
});
