import { createErpnextClient } from '@shopsync/erpnext-client';
import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

describe('settled events are mirrored to the companion app’s Sync Log in ERPNext', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 1 });
    for (const topic of ['orders/create', 'orders/paid', 'order_transactions/create']) harness.shopify.webhooks.subscribe({ topic, address: harness.primary.webhookUrl });
  });
  afterEach(async () => harness.stop());

  test('one Sync Log per event with its status, the document it is about and its evidence; mirroring again sends nothing', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    const first = await harness.primary.runner.mirror();
    expect(first).toEqual({ sent: 3, recorded: 3, rejected: 0 });
    const logs = harness.erp.docs('Sync Log');
    expect(logs.map((log) => [log.topic, log.status]).sort()).toEqual([
      ['order_transactions/create', 'Applied'],
      ['orders/create', 'Applied'],
      ['orders/paid', 'Applied'],
    ]);
    const salesOrder = harness.erp.docs('Sales Order').find((doc) => doc.shopify_order_id === String(order.id))!;
    const created = logs.find((log) => log.topic === 'orders/create')!;
    expect(created).toMatchObject({ reference_doctype: 'Sales Order', reference_name: salesOrder.name, shop: harness.shopify.shop.domain });
    // The subject in words, its Shopify id and the order's page in Shopify's admin.
    expect(created).toMatchObject({ subject: `Order ${order.name}`, shopify_id: String(order.id), shopify_admin_url: `https://${harness.shopify.shop.domain}/admin/orders/${order.id}` });
    // A payment's payload names its order by id only; the order's stored state gives its name.
    expect(logs.find((log) => log.topic === 'order_transactions/create')).toMatchObject({ subject: `Order ${order.name}`, shopify_id: String(order.id) });
    const kinds = (JSON.parse(String(created.evidence)) as Array<{ kind: string }>).map((row) => row.kind);
    // Received, the plan, customer + order + invoice operations, the duplicate delivery, the result.
    expect([kinds[0], kinds.at(-1), kinds.filter((kind) => kind === 'operation').length]).toEqual(['received', 'result', 3]);
    expect(kinds).toEqual(expect.arrayContaining(['plan', 'duplicate_delivery']));
    expect(await harness.primary.runner.mirror()).toEqual({ sent: 0, recorded: 0, rejected: 0 });
  });

  test('ERPNext unreachable: nothing is marked, the next round sends the same events', async () => {
    harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    harness.erp.faults.inject({ kind: 'status', path: /record_sync_logs/, status: 503, times: 1 });
    await expect(harness.primary.runner.mirror()).rejects.toMatchObject({ code: 'erpnext.unavailable' });
    expect(harness.erp.docs('Sync Log')).toHaveLength(0);
    expect(await harness.primary.runner.mirror()).toEqual({ sent: 1, recorded: 1, rejected: 0 });
  });

  test('the app refuses an invalid entry on its own, and records the others', async () => {
    const client = createErpnextClient({ baseUrl: harness.erpUrl, apiKey: 'e2e-key', apiSecret: 'e2e-secret' });
    const results = await client.callMethod('shopsync.api.record_sync_logs', { entries: [{ event_id: 'a', status: 'Applied' }, { event_id: 'b', status: 'Done' }, { event_id: 'a', status: 'Received' }] }, { verb: 'POST' });
    expect((results as Array<{ result: string }>).map((r) => r.result)).toEqual(['created', 'invalid', 'unchanged']);
  });
});
