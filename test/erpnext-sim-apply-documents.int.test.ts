import { isSyncError, type SyncError } from '@shopsync/core';
import { APPLY_DOCUMENTS } from '@shopsync/runner';
import { serverMessages, startSim, type RunningSim } from './support/erpnext-sim';

const MAKE_SALES_INVOICE = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';

const customer = (key = 'customer:1') => ({
  key,
  kind: 'ensure_document',
  doctype: 'Customer',
  doc: { customer_name: `Batch ${key}`, customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', shopsync_key: key },
  submit: false,
  dependsOn: [],
});

const salesOrder = (key = 'sales-order:1', item = 'SKU-1001', extra: Record<string, unknown> = {}) => ({
  key,
  kind: 'ensure_document',
  doctype: 'Sales Order',
  doc: {
    customer: { $ref: 'customer:1' },
    company: 'Shopsync Demo',
    transaction_date: '2026-12-01',
    delivery_date: '2026-12-08',
    shopsync_key: key,
    items: [{ item_code: item, qty: 2, rate: 10, warehouse: 'Stores - SD', delivery_date: '2026-12-08', shopify_line_item_id: '11' }],
  },
  submit: true,
  dependsOn: ['customer:1'],
  ...extra,
});

const salesInvoice = (key = 'sales-invoice:1', extra: Record<string, unknown> = {}) => ({
  key,
  kind: 'ensure_mapped_document',
  doctype: 'Sales Invoice',
  method: MAKE_SALES_INVOICE,
  args: { source_name: { $ref: 'sales-order:1' } },
  set: { shopsync_key: key },
  tableEdits: [],
  submit: true,
  dependsOn: ['sales-order:1'],
  ...extra,
});

const customerUpdate = (changes: Record<string, unknown>, key = 'customer:1#update') => ({ key, kind: 'update_document', doctype: 'Customer', target: { $ref: 'customer:1' }, changes, dependsOn: ['customer:1'] });

interface Answer {
  applied: Array<{ key: string; doctype: string; name: string; docstatus?: number; step: string; submitted?: boolean; changed?: string[] }>;
  stopped_at: string | null;
}

/** The companion app's apply_documents as the simulator serves it: one request, one transaction. */
describe(`${APPLY_DOCUMENTS} on the ERPNext simulator`, () => {
  let erp: RunningSim;
  beforeEach(async () => {
    erp = await startSim();
  });
  afterEach(async () => erp.sim.close());

  const apply = (operations: unknown[], names: Record<string, string> = {}) => erp.client.callMethod<Answer>(APPLY_DOCUMENTS, { operations, names }, { verb: 'POST' });
  const failure = (operations: unknown[], names: Record<string, string> = {}) => apply(operations, names).then(() => Promise.reject(new Error('it succeeded')), (error: unknown) => error as SyncError);
  const count = async (doctype: string) => (await erp.client.listAll(doctype, { fields: ['name', 'docstatus'], filters: [['shopsync_key', 'like', '%:%']] })).length;

  test('inserts in order, resolving references to what it made, and submits as ERPNext would', async () => {
    const answer = await apply([customer(), salesOrder(), salesInvoice()]);
    expect(answer.stopped_at).toBeNull();
    expect(answer.applied.map((row) => [row.key, row.step, row.docstatus, row.submitted])).toEqual([
      ['customer:1', 'inserted', 0, false],
      ['sales-order:1', 'inserted', 1, true],
      ['sales-invoice:1', 'inserted', 1, true],
    ]);
    const order = await erp.client.getDoc('Sales Order', answer.applied[1]!.name);
    expect(order).toMatchObject({ customer: answer.applied[0]!.name, status: 'To Deliver', per_billed: 100 });
    expect(erp.sim.requests.count).toBe(2); // the call above, and this getDoc
  });

  test('sent again: every key adopted, nothing written; an operation with a revision stops there', async () => {
    await apply([customer(), salesOrder(), salesInvoice()]);
    const again = await apply([customer(), salesOrder(), salesInvoice()]);
    expect(again.applied.map((row) => row.step)).toEqual(['adopted', 'adopted', 'adopted']);
    const revised = await apply([customer(), salesOrder('sales-order:1', 'SKU-1001', { revision: { digest: 'd', shape: { fields: [], tables: [] } } }), salesInvoice()]);
    expect(revised).toMatchObject({ applied: [{ key: 'customer:1', step: 'adopted' }], stopped_at: 'sales-order:1' });
    expect([await count('Customer'), await count('Sales Order'), await count('Sales Invoice')]).toEqual([1, 1, 1]);
  });

  test('a draft the plan submits is submitted; a cancelled document stops the request before it', async () => {
    const [made] = (await apply([customer()])).applied;
    const draft = await erp.client.insertDoc('Sales Order', { ...salesOrder().doc, customer: made!.name });
    const adopted = await apply([salesOrder()], { 'customer:1': made!.name });
    expect(adopted.applied).toEqual([{ key: 'sales-order:1', doctype: 'Sales Order', name: draft.name, docstatus: 1, step: 'adopted', submitted: true }]);
    await erp.client.cancelDoc('Sales Order', String(draft.name));
    const stopped = await apply([salesOrder(), salesInvoice()], { 'customer:1': made!.name });
    expect(stopped).toEqual({ applied: [], stopped_at: 'sales-order:1' });
    expect(await count('Sales Invoice')).toBe(0);
  });

  test('a failing operation undoes the whole request, keeps its exc_type, and names the operation', async () => {
    const error = await failure([customer(), salesOrder('sales-order:1', 'NO-SUCH-ITEM')]);
    expect(isSyncError(error)).toBe(true);
    expect([error.code, error.details.status]).toEqual(['erpnext.item_not_found', 404]);
    expect(error.details.messages).toContain('shopsync: operation sales-order:1 (Sales Order) failed; nothing of this request was kept');
    expect(error.message).not.toContain('shopsync: operation');
    expect([await count('Customer'), await count('Sales Order')]).toEqual([0, 0]);
  });

  test('a row the plan names that the mapper does not offer is RowNotOfferedError (417), and nothing is kept', async () => {
    const edits = [{ table: 'items', matchField: 'shopify_line_item_id', rows: [{ match: '99', set: { qty: 1 } }], dropUnmatched: true }];
    const error = await failure([customer(), salesOrder(), salesInvoice('sales-invoice:1', { tableEdits: edits })]);
    expect([error.code, error.details.status, error.details.excType]).toEqual(['erpnext.validation', 417, 'RowNotOfferedError']);
    expect(error.message).toBe("ERPNext's draft Sales Invoice has no items row with shopify_line_item_id 99");
    expect(await count('Sales Order')).toBe(0);
  });

  test('refuses what the runner never sends: another method, a bad shape, an unresolved reference, a GET', async () => {
    const refused = async (operations: unknown[], text: string) => {
      const error = await failure(operations);
      expect([error.code, error.message]).toEqual(['erpnext.validation', text]);
    };
    await refused([salesInvoice('x', { method: 'frappe.client.delete' })], 'operation x: frappe.client.delete is not one of the mappers shopsync may call');
    await refused([{ ...customer(), kind: 'cancel_document' }], "operation customer:1: kind must be one of ensure_document, ensure_mapped_document, update_document, not 'cancel_document'");
    await refused([{ ...customerUpdate({ customer_name: 'X' }), target: 'CUST-1' }], 'operation customer:1#update: target must be a reference to an operation');
    await refused([customer(), customer()], 'operation customer:1 is listed twice (or its name is already given)');
    await refused([salesOrder()], 'operation customer:1 has not produced a document yet');
    const raw = await erp.raw('GET', `/api/method/${APPLY_DOCUMENTS}?operations=[]`);
    expect([raw.status, raw.json.exc_type]).toEqual([403, 'PermissionError']);
    expect(serverMessages(raw.json).map((m) => m.message)).toEqual(['Not permitted']);
    expect(await count('Customer')).toBe(0);
  });

  test('an update in the same request: compared with what the document holds, only the differing fields saved', async () => {
    const answer = await apply([customer(), customerUpdate({ customer_name: 'Batch customer:1', customer_type: 'Individual' }), customerUpdate({ customer_name: 'Ada', customer_type: 'Individual' }, 'customer:1#rename')]);
    const name = answer.applied[0]!.name;
    expect(answer.applied.slice(1)).toEqual([
      { key: 'customer:1#update', doctype: 'Customer', name, step: 'unchanged', changed: [] },
      { key: 'customer:1#rename', doctype: 'Customer', name, step: 'updated', changed: ['customer_name'] },
    ]);
    expect(await erp.client.getDoc('Customer', name)).toMatchObject({ customer_name: 'Ada', customer_type: 'Individual' });
    expect(erp.sim.requests.count).toBe(2);
  });

  test('a table given replaces the table whole; an update of a name the runner holds needs no ensure', async () => {
    const [made] = (await apply([customer()])).applied;
    const names = { 'customer:1': made!.name };
    const contact = {
      key: 'contact:1',
      kind: 'ensure_document',
      doctype: 'Contact',
      doc: { first_name: 'Ada', email_ids: [{ email_id: 'a@example.com', is_primary: 1 }], links: [{ link_doctype: 'Customer', link_name: { $ref: 'customer:1' } }], shopsync_key: 'contact:1' },
      submit: false,
      dependsOn: ['customer:1'],
    };
    const emails = (email_ids: unknown[]) => ({ key: 'contact:1#update', kind: 'update_document', doctype: 'Contact', target: { $ref: 'contact:1' }, changes: { email_ids }, dependsOn: ['contact:1'] });
    const first = await apply([contact, emails([{ email_id: 'a@example.com', is_primary: 1 }])], names);
    expect(first.applied.map((row) => row.step)).toEqual(['inserted', 'unchanged']);
    const second = await apply([emails([{ email_id: 'b@example.com', is_primary: 1 }])], { ...names, 'contact:1': first.applied[0]!.name });
    expect(second.applied).toEqual([{ key: 'contact:1#update', doctype: 'Contact', name: first.applied[0]!.name, step: 'updated', changed: ['email_ids'] }]);
    const saved = await erp.client.getDoc('Contact', first.applied[0]!.name);
    expect((saved.email_ids as Array<{ email_id: string }>).map((row) => row.email_id)).toEqual(['b@example.com']);
  });

  test('an update whose target has no document yet undoes the whole request and names the operation', async () => {
    const error = await failure([customer(), { ...customerUpdate({ customer_name: 'X' }), target: { $ref: 'customer:2' } }]);
    expect([error.code, error.message]).toEqual(['erpnext.validation', 'operation customer:2 has not produced a document yet']);
    expect(error.details.messages).toContain('shopsync: operation customer:1#update (Customer) failed; nothing of this request was kept');
    expect(await count('Customer')).toBe(0);
  });

  test('an empty list writes nothing and answers an empty result', async () => {
    expect(await apply([])).toEqual({ applied: [], stopped_at: null });
  });
});
