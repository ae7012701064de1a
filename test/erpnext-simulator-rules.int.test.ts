import { createErpnextClient, type Doc } from '@shopsync/erpnext-client';
import { SIM_KEY, SIM_SECRET, startSim, type RunningSim } from './support/erpnext-sim';

const MAKE_DN = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';
const MAKE_SI = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';

// The ERPNext rules of notes §2, §5 and §9 that a sync runs into, beyond the shared battery.
describe('ERPNext simulator: document rules', () => {
  let s: RunningSim;
  let customer: string;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
    customer = (await s.client.insertDoc('Customer', { customer_name: 'Rules Customer', customer_type: 'Individual' })).name!;
  });
  afterAll(() => s.sim.close());

  const order = (items: Doc[], extra: Doc = {}) => s.client.insertDoc('Sales Order', { customer, delivery_date: '2025-06-10', items, ...extra });
  const bin = (item: string) => s.sim.docs('Bin').find((b) => b.item_code === item && b.warehouse === 'Stores - SD');
  const deliver = async (so: Doc) => s.client.insertDoc('Delivery Note', { ...(await s.client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' })), docstatus: 1 });

  test('returns: an invoice and a delivery give back at most what is left, the delivery return brings stock back', async () => {
    const before = bin('SKU-1006');
    const so = await order([{ item_code: 'SKU-1006', qty: 2 }], { docstatus: 1 });
    const invoice = await s.client.insertDoc('Sales Invoice', { ...(await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name }, { verb: 'GET' })), docstatus: 1 });
    const dn = await deliver(so);
    const MAKE_SI_RETURN = 'erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return';
    const MAKE_DN_RETURN = 'erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return';
    const creditDraft = await s.client.callMethod<Doc>(MAKE_SI_RETURN, { source_name: invoice.name }, { verb: 'GET' });
    expect(creditDraft).toMatchObject({ is_return: 1, return_against: invoice.name, items: [expect.objectContaining({ qty: -2 })] });
    await s.client.insertDoc('Sales Invoice', { ...creditDraft, items: (creditDraft.items as Doc[]).map((row) => ({ ...row, qty: -1 })), docstatus: 1 });
    const tooMuch = (await s.client.callMethod<Doc>(MAKE_SI_RETURN, { source_name: invoice.name }, { verb: 'GET' })) as Doc;
    expect((tooMuch.items as Doc[])[0]).toMatchObject({ qty: -1 });
    await expect(s.client.insertDoc('Sales Invoice', { ...tooMuch, items: (tooMuch.items as Doc[]).map((row) => ({ ...row, qty: -2 })), docstatus: 1 })).rejects.toMatchObject({
      message: expect.stringMatching(/Cannot return more than 1 for Item SKU-1006/),
    });
    const backDraft = await s.client.callMethod<Doc>(MAKE_DN_RETURN, { source_name: dn.name }, { verb: 'GET' });
    await s.client.insertDoc('Delivery Note', { ...backDraft, items: (backDraft.items as Doc[]).map((row) => ({ ...row, qty: -1 })), docstatus: 1 });
    expect(bin('SKU-1006')).toMatchObject({ actual_qty: Number(before?.actual_qty) - 1 });
    await expect(s.client.insertDoc('Delivery Note', { ...backDraft, items: (backDraft.items as Doc[]).map((row) => ({ ...row, qty: -2 })), docstatus: 1 })).rejects.toMatchObject({
      message: expect.stringMatching(/Cannot return more than 1 for Item SKU-1006/),
    });
  });

  test('docstatus transitions through PUT follow the table', async () => {
    const so = await order([{ item_code: 'SKU-1003', qty: 1 }]);
    await expect(s.client.cancelDoc('Sales Order', so.name!)).rejects.toMatchObject({ code: 'erpnext.validation.docstatus', message: 'Cannot change docstatus from 0 (Draft) to 2 (Cancelled)' });
    await s.client.submitDoc('Sales Order', so.name!);
    await expect(s.client.updateDoc('Sales Order', so.name!, { docstatus: 0 })).rejects.toMatchObject({ message: 'Cannot change docstatus from 1 (Submitted) to 0 (Draft)' });
    await s.client.cancelDoc('Sales Order', so.name!);
    await expect(s.client.updateDoc('Sales Order', so.name!, { po_no: 'X' })).rejects.toMatchObject({ code: 'erpnext.validation.docstatus', message: 'Cannot edit cancelled document' });
    await expect(s.client.getDoc('Sales Order', so.name!)).resolves.toMatchObject({ docstatus: 2, status: 'Cancelled' });
  });

  test('after submit only "allow on submit" fields change (po_no yes, delivery_date no)', async () => {
    const so = await order([{ item_code: 'SKU-1003', qty: 1 }], { docstatus: 1 });
    await expect(s.client.updateDoc('Sales Order', so.name!, { po_no: '#1001' })).resolves.toMatchObject({ po_no: '#1001' });
    await expect(s.client.updateDoc('Sales Order', so.name!, { delivery_date: '2025-07-01' })).rejects.toMatchObject({
      code: 'erpnext.validation.update_after_submit',
      message: 'Not allowed to change Delivery Date after submission from 2025-06-10 to 2025-07-01',
    });
  });

  test('stock: a submitted order reserves, its delivery moves stock and completes the order step', async () => {
    const before = bin('SKU-1004');
    const so = await order([{ item_code: 'SKU-1004', qty: 3 }]);
    await s.client.submitDoc('Sales Order', so.name!);
    expect(bin('SKU-1004')).toMatchObject({ reserved_qty: Number(before?.reserved_qty) + 3, projected_qty: Number(before?.projected_qty) - 3 });
    const dn = await deliver(so);
    expect(dn).toMatchObject({ docstatus: 1, status: 'To Bill' });
    expect(bin('SKU-1004')).toMatchObject({ actual_qty: Number(before?.actual_qty) - 3, reserved_qty: Number(before?.reserved_qty) });
    await expect(s.client.getDoc('Sales Order', so.name!)).resolves.toMatchObject({ per_delivered: 100, status: 'To Bill', delivery_status: 'Fully Delivered' });
    await expect(s.client.callMethod(MAKE_DN, { source_name: so.name }, { verb: 'GET' })).resolves.toMatchObject({ items: [] });
  });

  test('delivering more than ordered is refused (over-delivery allowance 0)', async () => {
    const so = await order([{ item_code: 'SKU-1005', qty: 1 }], { docstatus: 1 });
    const draft = await s.client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' });
    const items = (draft.items as Doc[]).map((row) => ({ ...row, qty: 2 }));
    await expect(s.client.insertDoc('Delivery Note', { ...draft, items, docstatus: 1 })).rejects.toMatchObject({ code: 'erpnext.validation', message: expect.stringMatching(/^This document is over limit by Qty 1 for item SKU-1005/) });
  });

  test('no stock is NegativeStockError; stock without any valuation is the valuation-rate error', async () => {
    const empty = await order([{ item_code: 'SKU-1010', qty: 5 }], { docstatus: 1 });
    await expect(deliver(empty)).rejects.toMatchObject({ code: 'erpnext.validation.negative_stock', details: { excType: 'NegativeStockError', excSource: 'erpnext (app)' } });
    const unvalued = await order([{ item_code: 'SKU-ZERO-VALUE', qty: 1, rate: 5 }], { docstatus: 1 });
    await expect(deliver(unvalued)).rejects.toMatchObject({ code: 'erpnext.validation.valuation_rate' });
  });

  test('a draft invoice blocks cancelling its order with ERPNext\'s own message', async () => {
    const so = await order([{ item_code: 'SKU-1006', qty: 1 }], { docstatus: 1 });
    const si = await s.client.insertDoc('Sales Invoice', await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name }, { verb: 'GET' }));
    await expect(s.client.cancelDoc('Sales Order', so.name!)).rejects.toMatchObject({ message: `Sales Invoice ${si.name} must be deleted before cancelling this Sales Order` });
    await s.client.deleteDoc('Sales Invoice', si.name!);
    await expect(s.client.cancelDoc('Sales Order', so.name!)).resolves.toMatchObject({ docstatus: 2 });
  });

  test('unique keys: "" and missing never collide; a duplicate Item code is a 409 DuplicateEntryError', async () => {
    await s.client.insertDoc('Customer', { customer_name: 'Blank Key 1', shopsync_key: '' });
    await s.client.insertDoc('Customer', { customer_name: 'Blank Key 2', shopsync_key: '' });
    await s.client.insertDoc('Customer', { customer_name: 'Blank Key 3' });
    await expect(s.client.insertDoc('Item', { item_code: 'sku-1001', item_group: 'Products', stock_uom: 'Nos' })).rejects.toMatchObject({
      code: 'erpnext.duplicate_entry',
      details: { status: 409, doctype: 'Item', name: 'sku-1001' },
    });
  });

  test('Customer quick entry with an email creates and links the primary Contact', async () => {
    const c = await s.client.insertDoc('Customer', { customer_name: 'Ada Lovelace', customer_type: 'Individual', email_id: 'ada@example.com' });
    expect(c.customer_primary_contact).toBe('Ada Lovelace-Ada Lovelace');
    await expect(s.client.getDoc('Contact', 'Ada Lovelace-Ada Lovelace')).resolves.toMatchObject({
      first_name: 'Ada', last_name: 'Lovelace', email_id: 'ada@example.com',
      links: [expect.objectContaining({ link_doctype: 'Customer', link_name: 'Ada Lovelace' })],
    });
  });

  test('insert_many: at most 200, and all-or-nothing in one request', async () => {
    const docs = (n: number, bad = false) => Array.from({ length: n }, (_, i) => ({ doctype: 'UOM', uom_name: bad && i === n - 1 ? '' : `Batch ${n}-${i}` }));
    await expect(s.client.callMethod('frappe.client.insert_many', { docs: docs(201) })).rejects.toMatchObject({ message: 'Only 200 inserts allowed in one request' });
    await expect(s.client.callMethod('frappe.client.insert_many', { docs: docs(3, true) })).rejects.toMatchObject({ code: 'erpnext.validation' });
    expect(s.sim.countDocs('UOM', (d) => d.name.startsWith('Batch 3-'))).toBe(0);
    await expect(s.client.callMethod('frappe.client.insert_many', { docs: docs(2) })).resolves.toEqual(['Batch 2-0', 'Batch 2-1']);
  });

  test('client insertMany over 200: two calls, and a failing second call leaves the first 200 committed', async () => {
    const uoms = (n: number, bad: boolean) => Array.from({ length: n }, (_, i) => ({ uom_name: bad && i === n - 1 ? '' : `Split ${bad ? 'bad' : 'ok'} ${i}` }));
    const before = s.sim.requests.countWhere({ path: '/api/method/frappe.client.insert_many' });
    await expect(s.client.insertMany('UOM', uoms(201, false))).resolves.toHaveLength(201);
    expect(s.sim.requests.countWhere({ path: '/api/method/frappe.client.insert_many' }) - before).toBe(2);
    await expect(s.client.insertMany('UOM', uoms(201, true))).rejects.toMatchObject({ details: { insertMany: { failedCall: 2, calls: 2 } } });
    expect(s.sim.countDocs('UOM', (d) => d.name.startsWith('Split bad '))).toBe(200);
  });

  test('get_value and get read one document, by name or filters', async () => {
    await expect(s.client.callMethod('frappe.client.get_value', { doctype: 'Item', filters: { item_code: 'SKU-1001' }, fieldname: ['stock_uom', 'variant_of'] }, { verb: 'GET' })).resolves.toEqual({ stock_uom: 'Nos', variant_of: null });
    await expect(s.client.callMethod('frappe.client.get_value', { doctype: 'Item', filters: 'NOPE', fieldname: 'name' }, { verb: 'GET' })).resolves.toEqual({});
    await expect(s.client.callMethod('frappe.client.get', { doctype: 'Company', name: 'Shopsync Demo' }, { verb: 'GET' })).resolves.toMatchObject({ abbr: 'SD', default_currency: 'USD' });
  });

  test('the seeded site matches a fresh v15 setup, with the companion app loaded from disk', async () => {
    expect(s.sim.docs('Warehouse').map((w) => w.name).sort()).toEqual(['All Warehouses - SD', 'Finished Goods - SD', 'Goods In Transit - SD', 'Stores - SD', 'Work In Progress - SD']);
    expect(s.sim.docs('Customer Group').map((g) => g.name)).toEqual(['All Customer Groups', 'Commercial', 'Individual', 'Government', 'Non Profit']);
    expect(s.sim.countDocs('Item', (i) => /^SKU-10(0[1-9]|10)$|^SKU2006-0(01|20)$/.test(i.name))).toBe(12);
    const so = await order([{ item_code: 'SKU2006-020', qty: 1 }], { shopsync_key: 'order:sample', shopify_order_id: '450789469' });
    expect(so).toMatchObject({ shopsync_key: 'order:sample', shopify_order_id: '450789469' });
    await expect(s.client.listDocs('Sync Log', { limitPageLength: 1 })).resolves.toEqual([]);
  });

  // The app's Single (Shopsync Settings) left it: the runner's settings live in its config file.
  test('the app\'s own doctypes: series and unique keys apply', async () => {
    const failure = { status: 'Open', category: 'mapping', code: 'mapping.sku_missing', message: 'x', failure_key: 'f:1' };
    await expect(s.client.insertDoc('Sync Failure', failure)).resolves.toMatchObject({ name: 'SF-00001' });
    await expect(s.client.insertDoc('Sync Failure', failure)).rejects.toMatchObject({ code: 'erpnext.unique_violation' });
  });

  test('faults: 429 with Retry-After is honoured by the client; faults are per route and per call', async () => {
    const sleeps: number[] = [];
    const client = createErpnextClient({ baseUrl: s.url, apiKey: SIM_KEY, apiSecret: SIM_SECRET, sleep: async (ms) => void sleeps.push(ms) });
    s.sim.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 2, path: /\/Item\/SKU-1007$/, times: 1 });
    await expect(client.getDoc('Item', 'SKU-1007')).resolves.toMatchObject({ name: 'SKU-1007' });
    await expect(client.getDoc('Item', 'SKU-1008')).resolves.toMatchObject({ name: 'SKU-1008' });
    expect(sleeps).toEqual([2000]);
    expect(s.sim.faults.pending).toBe(0);
  });

  test('requests are logged, and reset() brings back the freshly seeded site', async () => {
    const fresh = await startSim();
    try {
      expect(fresh.sim.requests.count).toBe(0);
      await fresh.client.insertDoc('Customer', { customer_name: 'Gone After Reset' });
      await fresh.client.getDoc('Customer', 'Gone After Reset');
      expect(fresh.sim.requests.all.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /api/resource/Customer 200', 'GET /api/resource/Customer/Gone After Reset 200']);
      fresh.sim.reset();
      expect(fresh.sim.requests.count).toBe(0);
      expect(fresh.sim.countDocs('Customer')).toBe(0);
      expect(fresh.sim.countDocs('Item')).toBe(14);
    } finally {
      await fresh.sim.close();
    }
  });
});
