import { toErpnextError } from '@shopsync/erpnext-client';
import { APPLY_DOCUMENTS, isMissingMethod } from '@shopsync/runner';
import { useTempDir } from './support/temp-dir';
import { startWritesRig, type Processed, type WritesRig } from './support/writes-rig';

const ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'refunds/create', 'order_transactions/create'];
const WITH_CUSTOMERS = ['customers/create', 'customers/update', ...ORDER_TOPICS];

/** ERPNext requests per topic, over the deliveries that were processed (duplicates cost nothing and are left out). */
function requestsByTopic(processed: readonly Processed[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of processed) if (p.result !== 'duplicate') out[p.topic] = (out[p.topic] ?? 0) + p.requests.length;
  return out;
}

const total = (processed: readonly Processed[]): number => processed.reduce((sum, p) => sum + p.requests.length, 0);

/** Each Customer, Contact and Address ERPNext holds, with its `modified`: what a write would move. */
async function customerDocuments(rig: WritesRig): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const doctype of ['Customer', 'Contact', 'Address']) {
    for (const doc of await rig.erpnext.listAll(doctype, { fields: ['name', 'modified'] })) out[`${doctype} ${String(doc.name)}`] = String(doc.modified);
  }
  return out;
}

/** The 'operation' evidence of every event of a topic: "Doctype step [changed] (batch)". */
async function stepsOf(rig: WritesRig, topic: string): Promise<string[]> {
  const steps: string[] = [];
  for (const event of (await rig.store.listEvents({})).filter((e) => e.topic === topic)) {
    for (const row of await rig.store.evidence(event.id)) {
      const data = row.data as { doctype: string; step: string; changed?: string[]; via?: string };
      if (row.kind === 'operation') steps.push(`${data.doctype} ${data.step}${data.changed && data.changed.length > 0 ? ` [${data.changed.join(', ')}]` : ''}${data.via === undefined ? '' : ' (batch)'}`);
    }
  }
  return steps;
}

/**
 * Issue 15: one ERPNext request per event that writes. The worker's own path (processEvent) runs
 * against the ERPNext simulator through the real client, and every request it makes is counted.
 */
describe('batched writes: ERPNext requests per event', () => {
  const dir = useTempDir();
  let rig: WritesRig;
  afterEach(async () => rig.close());

  test('a paid order of a new customer: one request for the order event, one for the payment, none for orders/paid (REST: 7 + 4)', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS);
    rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    const processed = await rig.settle();
    expect(requestsByTopic(processed)).toEqual({ 'orders/create': 1, 'orders/paid': 0, 'order_transactions/create': 1 });
    expect(processed.flatMap((p) => p.requests)).toEqual([`POST /api/method/${APPLY_DOCUMENTS}`, `POST /api/method/${APPLY_DOCUMENTS}`]);
    expect(processed.every((p) => p.result === 'applied')).toBe(true);
    const [invoice] = await rig.erpnext.listAll('Sales Invoice', { fields: ['docstatus', 'outstanding_amount', 'status'] });
    expect(invoice).toMatchObject({ docstatus: 1, outstanding_amount: 0, status: 'Paid' });
    const [order] = await rig.erpnext.listAll('Sales Order', { fields: ['status', 'per_billed'] });
    // Submitted after its insert, in the same transaction: ERPNext's status, not the "Draft" of an insert with docstatus 1.
    expect(order).toMatchObject({ status: 'To Deliver', per_billed: 100 });
  });

  test('a second paid order of the same customer: again one request per event that writes', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS);
    const first = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    rig.shopify.driver.createOrder({ customer: { id: first.customer!.id }, lines: [{ sku: 'SKU-1002', quantity: 1 }] });
    const processed = await rig.settle();
    expect(requestsByTopic(processed)).toEqual({ 'orders/create': 1, 'orders/paid': 0, 'order_transactions/create': 1 });
    expect(await rig.erpnext.listAll('Customer', { fields: ['name'], filters: [['shopify_customer_id', '=', String(first.customer!.id)]] })).toHaveLength(1);
  });

  test('every webhook delivered twice: the second delivery of each costs no request', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS, { duplicateRate: 1 });
    rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const processed = await rig.settle();
    const duplicates = processed.filter((p) => p.result === 'duplicate');
    expect(duplicates.length).toBe(3);
    expect(duplicates.every((p) => p.requests.length === 0)).toBe(true);
    expect(total(processed)).toBe(2);
  });

  test('an update that changes nothing ERPNext holds costs at most one request', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS);
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    rig.shopify.driver.updateOrder(order.id, { note: 'leave at the door', tags: ['vip'] });
    const processed = await rig.settle();
    expect(processed.map((p) => p.topic)).toEqual(['orders/updated']);
    expect(total(processed)).toBeLessThanOrEqual(1);
  });

  test("'rest' writes exactly as a worker without batched writes does (the old path, unchanged)", async () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const mode of ['rest', 'none'] as const) {
      rig = await startWritesRig(dir(), mode, ORDER_TOPICS);
      rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 2 }] });
      const processed = await rig.settle();
      counts[mode] = requestsByTopic(processed);
      expect(processed.flatMap((p) => p.requests).some((r) => r.includes(APPLY_DOCUMENTS))).toBe(false);
      if (mode === 'rest') await rig.close();
    }
    // Customer insert; Sales Order insert + submit; invoice look-up, mapper, insert, submit — then the payment's four.
    expect(counts.rest).toEqual({ 'orders/create': 7, 'orders/paid': 0, 'order_transactions/create': 4 });
    expect(counts.none).toEqual(counts.rest);
  });

  test('customers/create of a new customer: its ensures and updates in one request (REST: 6)', async () => {
    rig = await startWritesRig(dir(), 'batch', WITH_CUSTOMERS);
    rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const processed = await rig.settle();
    const customer = processed.find((p) => p.topic === 'customers/create');
    // ensure Customer, update Customer, ensure Contact, update Contact, ensure Address, update Address.
    expect(customer?.requests).toEqual([`POST /api/method/${APPLY_DOCUMENTS}`]);
    expect(customer?.result).toBe('applied');
    expect(await stepsOf(rig, 'customers/create')).toEqual([
      'Customer inserted (batch)',
      'Customer unchanged (batch)',
      'Contact inserted (batch)',
      'Contact unchanged (batch)',
      'Address inserted (batch)',
      'Address unchanged (batch)',
    ]);
    // The order event then finds the customer's key known: only the order's documents are written.
    expect(requestsByTopic(processed)['orders/create']).toBe(1);
  });

  test('customers/update that changes one field: one request, and only that field of that document changes (REST: 4)', async () => {
    rig = await startWritesRig(dir(), 'batch', WITH_CUSTOMERS);
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    const before = await customerDocuments(rig);
    rig.shopify.driver.updateCustomer(order.customer!.id, { phone: '+14155550199' });
    const processed = await rig.settle();
    expect(processed.map((p) => [p.topic, p.result, p.requests])).toEqual([['customers/update', 'applied', [`POST /api/method/${APPLY_DOCUMENTS}`]]]);
    expect(await stepsOf(rig, 'customers/update')).toEqual(['Customer unchanged (batch)', 'Contact updated [phone_nos] (batch)', 'Address unchanged (batch)']);
    const after = await customerDocuments(rig);
    const moved = Object.keys(after).filter((doc) => after[doc] !== before[doc]);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/^Contact /);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const contact = await rig.erpnext.getDoc('Contact', moved[0]!.slice('Contact '.length));
    expect((contact.phone_nos as Array<{ phone: string }>).map((row) => row.phone)).toEqual(['+14155550199']);
  });

  test('a customers/update that changes nothing ERPNext holds costs at most one request and writes nothing', async () => {
    rig = await startWritesRig(dir(), 'batch', WITH_CUSTOMERS);
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    const before = await customerDocuments(rig);
    rig.shopify.driver.updateCustomer(order.customer!.id, { note: 'prefers mornings' });
    const processed = await rig.settle();
    expect(processed.map((p) => [p.topic, p.result])).toEqual([['customers/update', 'applied']]);
    expect(total(processed)).toBeLessThanOrEqual(1);
    expect(await customerDocuments(rig)).toEqual(before);
  });
});

describe('batched writes: a lost response', () => {
  const dir = useTempDir();
  let rig: WritesRig;
  afterEach(async () => rig.close());

  test('apply_documents commits, the response is lost, the retry adopts: one of each document', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS);
    rig.erp.faults.inject({ kind: 'commit-then-drop', method: 'POST', path: APPLY_DOCUMENTS, times: 1 });
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    const processed = await rig.settle();
    expect(rig.erp.faults.pending).toBe(0);
    const create = processed.filter((p) => p.topic === 'orders/create');
    expect(create.map((p) => p.result)).toEqual(['retry', 'applied']);
    const count = async (doctype: string) => (await rig.erpnext.listAll(doctype, { fields: ['name', 'docstatus'], filters: [['shopify_order_id', '=', String(order.id)]] })).map((d) => d.docstatus);
    expect(await count('Sales Order')).toEqual([1]);
    expect(await count('Sales Invoice')).toEqual([1]);
    expect(await count('Payment Entry')).toEqual([1]);
    expect(await rig.erpnext.listAll('Customer', { fields: ['name'], filters: [['shopify_customer_id', '=', String(order.customer!.id)]] })).toHaveLength(1);
    // The first answer was lost, so nothing of it was recorded; the order's next write found every key: the Customer adopted in its batch, which stopped at the
    // revised Sales Order, then that order and its invoice adopted one by one.
    const steps: string[] = [];
    for (const event of await rig.store.listEvents({})) {
      for (const row of await rig.store.evidence(event.id)) {
        const data = row.data as { doctype: string; step: string; via?: string };
        if (row.kind === 'operation') steps.push(`${data.doctype} ${data.step}${data.via === undefined ? '' : ' (batch)'}`);
      }
    }
    expect(steps.sort()).toEqual(['Customer adopted (batch)', 'Payment Entry inserted (batch)', 'Sales Invoice adopted', 'Sales Order adopted']);
  });

  test('customers/create: the batch commits, the response is lost, the retry adopts and finds the updates done: one of each document', async () => {
    rig = await startWritesRig(dir(), 'batch', WITH_CUSTOMERS);
    rig.erp.faults.inject({ kind: 'commit-then-drop', method: 'POST', path: APPLY_DOCUMENTS, times: 1 });
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const processed = await rig.settle();
    expect(rig.erp.faults.pending).toBe(0);
    expect(processed.filter((p) => p.topic === 'customers/create').map((p) => [p.result, p.requests.length])).toEqual([
      ['retry', 1],
      ['applied', 1],
    ]);
    const customers = await rig.erpnext.listAll('Customer', { fields: ['name'], filters: [['shopify_customer_id', '=', String(order.customer!.id)]] });
    expect(customers).toHaveLength(1);
    const documents = Object.keys(await customerDocuments(rig)).map((doc) => doc.split(' ')[0]);
    expect(documents.sort()).toEqual(['Address', 'Contact', 'Customer']);
    // The first answer was lost, so nothing of it was recorded: the retry adopts what it kept and finds the
    // updates already done (the Customer is adopted by whichever event asks first, the order's or the retry's).
    const steps = [...(await stepsOf(rig, 'customers/create')), ...(await stepsOf(rig, 'orders/create'))].filter((step) => /^(Customer|Contact|Address) /.test(step));
    expect(steps.sort()).toEqual(['Address adopted (batch)', 'Address unchanged (batch)', 'Contact adopted (batch)', 'Contact unchanged (batch)', 'Customer adopted (batch)', 'Customer unchanged (batch)']);
    expect(await rig.store.failures({ status: 'open' })).toEqual([]);
  });

  test('a refund whose batch is committed and its answer lost: one credit note, one refund payment', async () => {
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS);
    const order = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    rig.erp.faults.inject({ kind: 'commit-then-drop', method: 'POST', path: APPLY_DOCUMENTS, times: 1 });
    rig.shopify.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await rig.settle();
    expect(rig.erp.faults.pending).toBe(0);
    const payments = await rig.erpnext.listAll('Payment Entry', { fields: ['name', 'docstatus', 'payment_type'], filters: [['shopify_order_id', '=', String(order.id)]] });
    expect(payments.map((p) => `${String(p.payment_type)} ${String(p.docstatus)}`).sort()).toEqual(['Pay 1', 'Receive 1']);
    const invoices = await rig.erpnext.listAll('Sales Invoice', { fields: ['name', 'docstatus', 'is_return'], filters: [['shopify_order_id', '=', String(order.id)]] });
    expect(invoices.map((i) => `${String(i.is_return)} ${String(i.docstatus)}`).sort()).toEqual(['0 1', '1 1']);
    expect(await rig.store.failures({ status: 'open' })).toEqual([]);
  });
});

describe('batched writes: a site whose companion app has no apply_documents', () => {
  const dir = useTempDir();
  let rig: WritesRig;
  afterEach(async () => rig.close());

  // What Frappe 15 answers for a dotted method it cannot import (frappe/handler.py execute_cmd):
  // a 417 ValidationError thrown as "Failed to get method for command … with No module named …".
  const missing = () =>
    toErpnextError({
      status: 417,
      body: {
        exc_type: 'ValidationError',
        _server_messages: JSON.stringify([JSON.stringify({ message: `Failed to get method for command ${APPLY_DOCUMENTS} with No module named 'shopsync.documents'`, title: 'Message', indicator: 'red', raise_exception: 1 })]),
      },
      request: { method: 'POST', path: `/api/method/${APPLY_DOCUMENTS}` },
    });

  test('the runner writes over REST from then on, says so once, and loses nothing', async () => {
    let asked = 0;
    rig = await startWritesRig(dir(), 'batch', ORDER_TOPICS, {
      port: (client) => ({
        insertDoc: (doctype, doc) => client.insertDoc(doctype, doc),
        findOne: (doctype, filters, fields) => client.findOne(doctype, filters, fields),
        getDoc: (doctype, name) => client.getDoc(doctype, name),
        updateDoc: (doctype, name, changes) => client.updateDoc(doctype, name, changes),
        submitDoc: (doctype, name) => client.submitDoc(doctype, name),
        cancelDoc: (doctype, name) => client.cancelDoc(doctype, name),
        callMethod: async (method, args, options) => {
          if (method !== APPLY_DOCUMENTS) return client.callMethod(method, args, options);
          asked += 1;
          throw missing();
        },
      }),
    });
    const first = rig.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const processed = await rig.settle();
    rig.shopify.driver.createOrder({ customer: { id: first.customer!.id }, lines: [{ sku: 'SKU-1002', quantity: 1 }] });
    processed.push(...(await rig.settle()));
    expect(asked).toBe(1);
    expect(rig.writes?.mode).toBe('rest');
    expect(rig.writes?.fellBackBecause).toContain('Failed to get method for command shopsync.documents.apply_documents');
    expect(rig.warnings.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['erpnext.writes_fell_back']);
    expect(processed.every((p) => p.result === 'applied')).toBe(true);
    expect(await rig.erpnext.listAll('Payment Entry', { fields: ['name'] })).toHaveLength(2);
  });

  test('isMissingMethod: only that answer counts, not any validation error', () => {
    expect(isMissingMethod(missing())).toBe(true);
    const other = toErpnextError({ status: 417, body: { exc_type: 'ValidationError', _server_messages: JSON.stringify([JSON.stringify({ message: 'Please enter Delivery Date' })]) } });
    expect(isMissingMethod(other)).toBe(false);
    expect(isMissingMethod(new Error(`Failed to get method for command ${APPLY_DOCUMENTS}`))).toBe(false);
  });
});
