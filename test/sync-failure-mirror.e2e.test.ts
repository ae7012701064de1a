import { failureKey } from '@shopsync/runner';
import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

type Row = Record<string, unknown>;

describe('failures are mirrored to the companion app’s Sync Failure, and the Desk’s buttons reach the runner', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 0 });
    harness.shopify.webhooks.subscribe({ topic: 'orders/create', address: harness.primary.webhookUrl });
  });
  afterEach(async () => harness.stop());

  /** ERPNext refuses the order (a validation error an operator fixes in ERPNext): the event is parked. */
  async function parkedOrder(): Promise<Row> {
    harness.erp.faults.inject({ kind: 'status', method: 'POST', path: /Sales%20Order|Sales Order|apply_documents/, status: 417, excType: 'ValidationError', times: 1 });
    const order = harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    const [failure] = await harness.primary.store.failures({ status: 'open' });
    if (failure === undefined) throw new Error('the order did not park');
    expect(await harness.primary.runner.mirrorFailures()).toEqual({ sent: 1, recorded: 1, rejected: 0, actedOn: 0 });
    const rows = harness.erp.docs('Sync Failure');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ failure_key: failureKey(failure), status: 'Open', code: failure.code, category: failure.category, topic: 'orders/create', attempts: 1 });
    // What it is about, in words and links: the order's name, its Shopify id and its admin page.
    expect(rows[0]).toMatchObject({ subject: `Order ${order.name}`, shopify_id: String(order.id), shopify_admin_url: `https://${harness.shopify.shop.domain}/admin/orders/${order.id}` });
    const log = await harness.primary.runner.mirror();
    expect(log.recorded).toBe(1);
    expect(harness.erp.docs('Sync Log')[0]!.event_id).toBe(rows[0]!.event_id);
    return rows[0]!;
  }

  const press = (row: Row, changes: Row) => harness.erpnext.updateDoc('Sync Failure', String(row.name), changes);

  test('Requeue pressed in the Desk: the runner plans the event again, the row goes Retrying, then Resolved', async () => {
    const row = await parkedOrder();
    await press(row, { status: 'Retry Requested', requested_action: 'Requeue' });
    expect(await harness.primary.runner.mirrorFailures()).toMatchObject({ actedOn: 1 });
    expect((await harness.primary.store.failures({}))[0]?.status).toBe('retrying');
    await harness.primary.runner.mirrorFailures();
    expect(harness.erp.docs('Sync Failure')[0]?.status).toBe('Retrying');
    await harness.primary.runner.drained();
    expect(harness.erp.docs('Sales Order')).toHaveLength(1);
    expect(await harness.primary.runner.mirrorFailures()).toMatchObject({ recorded: 1, actedOn: 0 });
    expect(harness.erp.docs('Sync Failure')[0]?.status).toBe('Resolved');
    // Settled and acknowledged: nothing more to send.
    expect(await harness.primary.runner.mirrorFailures()).toEqual({ sent: 0, recorded: 0, rejected: 0, actedOn: 0 });
  });

  test('Ignore pressed in the Desk: the runner ignores the failure too and leaves the event as it is', async () => {
    const row = await parkedOrder();
    await press(row, { status: 'Ignored' });
    expect(await harness.primary.runner.mirrorFailures()).toMatchObject({ actedOn: 1 });
    expect((await harness.primary.store.failures({}))[0]?.status).toBe('ignored');
    expect(await harness.primary.runner.mirrorFailures()).toMatchObject({ actedOn: 0 });
    expect(harness.erp.docs('Sync Failure')[0]?.status).toBe('Ignored');
    expect(harness.erp.docs('Sales Order')).toHaveLength(0);
  });

  test('a retry from the runner’s CLI walks the Desk row through the same states', async () => {
    const row = await parkedOrder();
    const [failure] = await harness.primary.store.failures({ status: 'open' });
    await harness.primary.store.actOnFailure(failure!.id, 'retry', new Date());
    await harness.primary.runner.mirrorFailures();
    expect(harness.erp.docs('Sync Failure')[0]).toMatchObject({ name: row.name, status: 'Retrying' });
    await harness.primary.runner.drained();
    await harness.primary.runner.mirrorFailures();
    expect(harness.erp.docs('Sync Failure')[0]?.status).toBe('Resolved');
  });

  test('ERPNext unreachable: nothing is acknowledged and the next round sends the failure again', async () => {
    harness.erp.faults.inject({ kind: 'status', method: 'POST', path: /Sales%20Order|Sales Order|apply_documents/, status: 417, excType: 'ValidationError', times: 1 });
    harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    harness.erp.faults.inject({ kind: 'status', path: /record_sync_failures/, status: 503, times: 1 });
    await expect(harness.primary.runner.mirrorFailures()).rejects.toMatchObject({ code: 'erpnext.unavailable' });
    expect(await harness.primary.runner.mirrorFailures()).toMatchObject({ sent: 1, recorded: 1 });
  });

  test('the app checks each entry on its own: unknown fields and states are invalid, a settled failure it never saw is skipped', async () => {
    const entry = { failure_key: 'r|c|t', state: 'open', code: 'mapping.sku_missing', category: 'mapping', message: 'm' };
    const results = (await harness.erpnext.callMethod('shopsync.api.record_sync_failures', { entries: [entry, { ...entry, failure_key: 'x', colour: 'red' }, { ...entry, failure_key: 'y', state: 'lost' }, { ...entry, failure_key: 'z', state: 'resolved' }, entry] }, { verb: 'POST' })) as Row[];
    expect(results.map((r) => [r.result, r.status])).toEqual([
      ['created', 'Open'],
      ['invalid', null],
      ['invalid', null],
      ['skipped', null],
      ['unchanged', 'Open'],
    ]);
  });
});
