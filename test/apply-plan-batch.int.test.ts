import { SyncError, isSyncError, type Operation } from '@shopsync/core';
import { APPLY_DOCUMENTS, DocumentWrites, applyPlan, createMemoryStore, type ErpnextPort, type Store } from '@shopsync/runner';
import pino from 'pino';
import { startSim, type RunningSim } from './support/erpnext-sim';

const customer: Operation = {
  key: 'customer:1',
  kind: 'ensure_document',
  doctype: 'Customer',
  doc: { customer_name: 'Plan Batch', customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', shopsync_key: 'customer:1' },
  submit: false,
  dependsOn: [],
};

const salesOrder: Operation = {
  key: 'sales-order:1',
  kind: 'ensure_document',
  doctype: 'Sales Order',
  doc: {
    customer: { $ref: 'customer:1' },
    company: 'Shopsync Demo',
    transaction_date: '2026-12-01',
    delivery_date: '2026-12-08',
    shopsync_key: 'sales-order:1',
    items: [{ item_code: 'SKU-1001', qty: 1, rate: 10, warehouse: 'Stores - SD', delivery_date: '2026-12-08', shopify_line_item_id: '11' }],
  },
  submit: true,
  dependsOn: ['customer:1'],
  revision: { digest: 'not-what-erpnext-holds', shape: { fields: [], tables: [{ table: 'items', fields: ['item_code', 'qty'] }] } },
};

const invoice = (tableEdits: Extract<Operation, { kind: 'ensure_mapped_document' }>['tableEdits'] = []): Operation => ({
  key: 'sales-invoice:1',
  kind: 'ensure_mapped_document',
  doctype: 'Sales Invoice',
  method: 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice',
  args: { source_name: { $ref: 'sales-order:1' } },
  set: { shopsync_key: 'sales-invoice:1' },
  tableEdits,
  submit: true,
  dependsOn: ['sales-order:1'],
});

/** The worker's plan loop with batched writes, against the ERPNext simulator through the real client. */
describe('applyPlan with batched writes', () => {
  let erp: RunningSim;
  let store: Store;
  let writes: DocumentWrites;
  beforeEach(async () => {
    erp = await startSim();
    store = createMemoryStore();
    writes = new DocumentWrites('batch', pino({ level: 'silent' }));
  });
  afterEach(async () => {
    await store.close();
    await erp.sim.close();
  });

  const run = (operations: readonly Operation[], port: ErpnextPort = erp.client, names = new Map<string, string>()) =>
    applyPlan(operations, { erpnext: port, store, inboxId: 1, now: () => new Date('2026-12-01T10:00:00Z'), names, deferred: [] }, writes).then(() => names);
  const steps = async () => (await store.evidence(1)).filter((row) => row.kind === 'operation').map((row) => row.data as Record<string, unknown>);

  test('one request for the run; each operation recorded as finishEnsure records it, with via', async () => {
    const names = await run([customer, salesOrder, invoice()]);
    expect(erp.sim.requests.all.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/method/${APPLY_DOCUMENTS}`]);
    expect([...names.keys()]).toEqual(['customer:1', 'sales-order:1', 'sales-invoice:1']);
    expect(await store.findOperation('sales-order:1')).toEqual({ doctype: 'Sales Order', name: names.get('sales-order:1'), revision: 'not-what-erpnext-holds' });
    expect((await steps()).map((s) => [s.key, s.step, s.submitted, s.via])).toEqual([
      ['customer:1', 'inserted', false, APPLY_DOCUMENTS],
      ['sales-order:1', 'inserted', true, APPLY_DOCUMENTS],
      ['sales-invoice:1', 'inserted', true, APPLY_DOCUMENTS],
    ]);
    expect((await steps())[2]).toMatchObject({ mapper: { method: 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice', verb: 'POST' } });
  });

  test('a row the mapper no longer offers is conflict.row_not_offered, as the one-by-one path says it', async () => {
    const error = await run([customer, salesOrder, invoice([{ table: 'items', matchField: 'shopify_line_item_id', rows: [{ match: '99', set: {} }], dropUnmatched: true }])]).catch((e: unknown) => e);
    expect(isSyncError(error) && [error.code, error.details]).toEqual(['conflict.row_not_offered', { doctype: 'Sales Invoice', table: 'items', match: '99' }]);
    expect(await store.findOperation('customer:1')).toBeNull();
  });

  test('a runner with no memory meets a cancelled order: the batch adopts the customer, stops, and the one-by-one path raises the cancelled conflict', async () => {
    const first = await run([customer, salesOrder]);
    await erp.client.cancelDoc('Sales Order', first.get('sales-order:1')!);
    await store.close();
    store = createMemoryStore();
    erp.sim.requests.clear();
    const error = await run([customer, salesOrder, invoice()]).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('conflict.document_cancelled');
    expect((await steps()).map((s) => [s.key, s.step, s.via])).toEqual([['customer:1', 'adopted', APPLY_DOCUMENTS]]);
    expect(erp.sim.requests.all[0]?.path).toBe(`/api/method/${APPLY_DOCUMENTS}`);
    expect(erp.sim.requests.countWhere({ path: APPLY_DOCUMENTS })).toBe(1);
  });

  test('ERPNext refuses the batch for a key clash (another worker won a key meanwhile): the run goes one by one, batching stays on', async () => {
    const racing: ErpnextPort = {
      ...erp.client,
      callMethod: async (method, args, options) => {
        if (method !== APPLY_DOCUMENTS) return erp.client.callMethod(method, args, options);
        throw SyncError.of('erpnext.unique_violation', { message: 'Shopsync Key must be unique', details: { status: 417 } });
      },
    };
    const names = await run([customer, salesOrder], racing);
    expect(names.size).toBe(2);
    expect((await steps()).map((s) => [s.key, s.step, s.via])).toEqual([
      ['customer:1', 'inserted', undefined],
      ['sales-order:1', 'inserted', undefined],
    ]);
    expect(writes.mode).toBe('batch');
  });

  test('an answer that does not match the run is refused, and nothing is recorded', async () => {
    const odd: ErpnextPort = { ...erp.client, callMethod: async () => ({ applied: [{ key: 'sales-order:1', name: 'X', docstatus: 1, step: 'inserted' }], stopped_at: null }) };
    const error = await run([customer, salesOrder], odd).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('erpnext.unexpected_response');
    expect(await store.findOperation('customer:1')).toBeNull();
  });

  test('known keys cost nothing and split the runs; updates go one by one', async () => {
    await run([customer]);
    erp.sim.requests.clear();
    const names = await run([customer, salesOrder, { key: 'customer:1#update', kind: 'update_document', doctype: 'Customer', target: { $ref: 'customer:1' }, changes: { customer_name: 'Plan Batch' }, dependsOn: ['customer:1'] }, invoice()]);
    expect(names.size).toBe(4);
    expect(erp.sim.requests.all.map((r) => `${r.method} ${r.path.replace(/\/[^/]*$/, '/…')}`)).toEqual([
      `POST /api/method/…`,
      'GET /api/resource/Customer/…',
      `POST /api/method/…`,
    ]);
  });
});
