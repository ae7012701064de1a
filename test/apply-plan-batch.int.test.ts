import { SyncError, isSyncError, type Operation } from '@shopsync/core';
import { toErpnextError } from '@shopsync/erpnext-client';
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

const rename = (customerName: string, key = 'customer:1#update'): Operation => ({ key, kind: 'update_document', doctype: 'Customer', target: { $ref: 'customer:1' }, changes: { customer_name: customerName }, dependsOn: ['customer:1'] });

/** What an app older than update_document in a batch answers (document_batch.parse_operation, frappe.throw). */
const updateRefused = (key: string) =>
  toErpnextError({
    status: 417,
    body: {
      exc_type: 'ValidationError',
      _server_messages: JSON.stringify([JSON.stringify({ message: `operation ${key}: kind must be one of ensure_document, ensure_mapped_document, not 'update_document'`, title: 'shopsync', indicator: 'red', raise_exception: 1 })]),
    },
    request: { method: 'POST', path: `/api/method/${APPLY_DOCUMENTS}` },
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

  test('ensures and updates in one request; each update recorded as applyUpdateDocument records it, with via', async () => {
    const names = await run([customer, rename('Plan Batch'), salesOrder, rename('Ada Lovelace', 'customer:1#rename'), invoice()]);
    expect(erp.sim.requests.all.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/method/${APPLY_DOCUMENTS}`]);
    expect(names.get('customer:1#update')).toBe(names.get('customer:1'));
    expect((await steps()).map((s) => [s.key, s.step, s.changed, s.via])).toEqual([
      ['customer:1', 'inserted', undefined, APPLY_DOCUMENTS],
      ['customer:1#update', 'unchanged', [], APPLY_DOCUMENTS],
      ['sales-order:1', 'inserted', undefined, APPLY_DOCUMENTS],
      ['customer:1#rename', 'updated', ['customer_name'], APPLY_DOCUMENTS],
      ['sales-invoice:1', 'inserted', undefined, APPLY_DOCUMENTS],
    ]);
    expect((await steps())[3]).toEqual({ key: 'customer:1#rename', step: 'updated', changed: ['customer_name'], doctype: 'Customer', name: names.get('customer:1'), via: APPLY_DOCUMENTS });
    expect(await store.findOperation('customer:1#rename')).toBeNull();
    expect(await erp.client.getDoc('Customer', names.get('customer:1')!)).toMatchObject({ customer_name: 'Ada Lovelace' });
  });

  test('known keys cost nothing and do not split the run; a cancel still goes one by one', async () => {
    const first = await run([customer, salesOrder]);
    erp.sim.requests.clear();
    const cancel: Operation = { key: 'sales-order:1#cancel', kind: 'cancel_document', doctype: 'Sales Order', target: { $ref: 'sales-order:1' }, dependsOn: ['sales-order:1'] };
    const sent: string[][] = [];
    const watched: ErpnextPort = {
      ...erp.client,
      callMethod: async (method, args, options) => {
        if (method === APPLY_DOCUMENTS) sent.push((args.operations as Operation[]).map((op) => op.key));
        return erp.client.callMethod(method, args, options);
      },
    };
    const names = await run([customer, rename('Plan Batch'), salesOrder, cancel], watched);
    expect(names.get('customer:1')).toBe(first.get('customer:1'));
    expect(sent).toEqual([['customer:1#update']]);
    expect(erp.sim.requests.all[0]?.path).toBe(`/api/method/${APPLY_DOCUMENTS}`);
    expect(erp.sim.requests.countWhere({ path: APPLY_DOCUMENTS })).toBe(1);
    expect((await erp.client.getDoc('Sales Order', names.get('sales-order:1')!)).docstatus).toBe(2);
  });

  test('an older app refuses updates in a batch: updates go one by one from then on, said once, ensures still batched', async () => {
    const lines: string[] = [];
    writes = new DocumentWrites('batch', pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }));
    let refused = 0;
    const older: ErpnextPort = {
      ...erp.client,
      callMethod: async (method, args, options) => {
        const update = (args.operations as Operation[] | undefined)?.find((op) => op.kind === 'update_document');
        if (method === APPLY_DOCUMENTS && update !== undefined) {
          refused += 1;
          throw updateRefused(update.key);
        }
        return erp.client.callMethod(method, args, options);
      },
    };
    const names = await run([customer, rename('Ada'), salesOrder], older);
    expect(refused).toBe(1);
    expect(erp.sim.requests.all.map((r) => `${r.method} ${r.path.replace(/\/[^/]*$/, '/…')}`)).toEqual(['POST /api/method/…', 'GET /api/resource/Customer/…', 'PUT /api/resource/Customer/…', 'POST /api/method/…']);
    expect((await steps()).map((s) => [s.key, s.step, s.via])).toEqual([
      ['customer:1', 'inserted', APPLY_DOCUMENTS],
      ['customer:1#update', 'updated', undefined],
      ['sales-order:1', 'inserted', APPLY_DOCUMENTS],
    ]);
    await run([rename('Ada B')], older, names);
    expect(refused).toBe(1);
    expect([writes.mode, writes.batchesUpdates]).toEqual(['batch', false]);
    expect(writes.updatesOneByOneBecause).toContain("not 'update_document'");
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['erpnext.writes_updates_fell_back']);
  });

  test('only that refusal turns updates off: another validation error of the batch goes to the event', async () => {
    const strict: ErpnextPort = {
      ...erp.client,
      callMethod: async () => {
        throw toErpnextError({ status: 417, body: { exc_type: 'ValidationError', _server_messages: JSON.stringify([JSON.stringify({ message: "operation x: kind must be one of ensure_document, not 'cancel_document'" })]) } });
      },
    };
    const error = await run([customer, rename('Ada')], strict).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('erpnext.validation');
    expect(writes.batchesUpdates).toBe(true);
  });
});
