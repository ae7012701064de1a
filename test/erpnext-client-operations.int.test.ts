import nock from 'nock';
import { createErpnextClient, type Doc } from '@shopsync/erpnext-client';
import { frappeBody } from './support/erpnext-bodies';

// Loopback with no listener on port 9, as in erpnext-client.int.test.ts: an unstubbed request fails.
const BASE = 'http://127.0.0.1:9';
const client = () => createErpnextClient({ baseUrl: BASE, apiKey: 'k', apiSecret: 's', sleep: async () => undefined });
const INSERT_MANY = '/api/method/frappe.client.insert_many';
const mismatch = () =>
  frappeBody({
    excType: 'TimestampMismatchError',
    messages: [{ message: 'Error: Document has been modified after you have opened it (2025-06-01 10:00:01, 2025-06-01 10:00:02). Please refresh to get the latest document.', raise: true }],
  });

describe('insertMany', () => {
  test('splits 450 documents into calls of 200, 200 and 50, each doc naming its doctype', async () => {
    const docs = Array.from({ length: 450 }, (_, i) => ({ uom_name: `U${i}` }));
    const sizes: number[] = [];
    nock(BASE)
      .post(INSERT_MANY, (body: { docs: Doc[] }) => body.docs.every((d) => d.doctype === 'UOM'))
      .times(3)
      .reply(200, (_uri, body) => {
        const batch = (body as { docs: Doc[] }).docs;
        sizes.push(batch.length);
        return { message: batch.map((d) => d.uom_name) };
      });
    const names = await client().insertMany('UOM', docs);
    expect(sizes).toEqual([200, 200, 50]);
    expect(names).toEqual(docs.map((d) => d.uom_name));
  });

  test('a failing second call: the first 200 stay committed and the error says so; no third call', async () => {
    const docs = Array.from({ length: 401 }, (_, i) => ({ uom_name: `U${i}` }));
    nock(BASE)
      .post(INSERT_MANY)
      .reply(200, { message: docs.slice(0, 200).map((d) => d.uom_name) })
      .post(INSERT_MANY)
      .reply(417, frappeBody({ excType: 'MandatoryError', messages: [{ message: 'Error: Value missing for UOM: UOM Name' }] }));
    const error = await client().insertMany('UOM', docs).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'erpnext.validation.mandatory',
      details: { insertMany: { failedCall: 2, calls: 3, committedNames: docs.slice(0, 200).map((d) => d.uom_name) } },
    });
  });

  test('nothing to insert makes no request', async () => {
    await expect(client().insertMany('UOM', [])).resolves.toEqual([]);
  });
});

describe('updateWithRetryOnConflict', () => {
  const path = '/api/resource/Customer/C1';

  test('a TimestampMismatchError re-reads and re-applies the change to the fresh copy', async () => {
    const seen: unknown[] = [];
    nock(BASE)
      .get(path).reply(200, { data: { name: 'C1', modified: 'm1', loyalty: 1 } })
      .put(path, { loyalty: 2, modified: 'm1' }).reply(417, mismatch())
      .get(path).reply(200, { data: { name: 'C1', modified: 'm2', loyalty: 5 } })
      .put(path, { loyalty: 6, modified: 'm2' }).reply(200, { data: { name: 'C1', modified: 'm3', loyalty: 6 } });
    const result = await client().updateWithRetryOnConflict<Doc>('Customer', 'C1', (doc) => {
      seen.push(doc.modified);
      return { loyalty: Number(doc.loyalty) + 1 };
    });
    expect(seen).toEqual(['m1', 'm2']);
    expect(result).toMatchObject({ loyalty: 6, modified: 'm3' });
  });

  test('gives up after maxAttempts with the last mismatch', async () => {
    nock(BASE).get(path).times(2).reply(200, { data: { name: 'C1', modified: 'm1' } }).put(path).times(2).reply(417, mismatch());
    await expect(client().updateWithRetryOnConflict('Customer', 'C1', () => ({ tax_id: 'T' }), { maxAttempts: 2 })).rejects.toMatchObject({ code: 'erpnext.timestamp_mismatch' });
  });

  test('other errors are not retried; a change of undefined writes nothing', async () => {
    nock(BASE)
      .get(path).reply(200, { data: { name: 'C1', modified: 'm1' } })
      .put(path).reply(417, frappeBody({ excType: 'ValidationError', messages: [{ message: 'Nope', raise: true }] }))
      .get(path).reply(200, { data: { name: 'C1', modified: 'm1' } });
    await expect(client().updateWithRetryOnConflict('Customer', 'C1', () => ({ tax_id: 'T' }))).rejects.toMatchObject({ code: 'erpnext.validation', message: 'Nope' });
    await expect(client().updateWithRetryOnConflict('Customer', 'C1', () => undefined)).resolves.toEqual({ name: 'C1', modified: 'm1' });
  });

  test('rejects a maxAttempts below 1 before any request', async () => {
    await expect(client().updateWithRetryOnConflict('Customer', 'C1', () => ({}), { maxAttempts: 0 })).rejects.toThrow(/maxAttempts must be an integer >= 1/);
  });
});

describe('updateChildTable', () => {
  const path = '/api/resource/Sales%20Order/SO-1';
  const rowA = { name: 'rowa', idx: 1, item_code: 'SKU-1', qty: 1, rate: 10, warehouse: 'Stores - SD', doctype: 'Sales Order Item' };
  const rowB = { name: 'rowb', idx: 2, item_code: 'SKU-2', qty: 2, rate: 20, warehouse: 'Stores - SD', doctype: 'Sales Order Item' };

  test('PUTs the whole table with the modified read: kept rows in full, dropped rows gone, new rows unnamed', async () => {
    nock(BASE)
      .get(path).reply(200, { data: { name: 'SO-1', modified: 'm1', po_no: 'x', items: [rowA, rowB] } })
      .put(path, { items: [{ ...rowA, qty: 5 }, { item_code: 'SKU-3', qty: 3, idx: 2 }], modified: 'm1' })
      .reply(200, { data: { name: 'SO-1', modified: 'm2' } });
    const done = await client().updateChildTable('Sales Order', 'SO-1', 'items', (rows) => {
      expect(rows).toEqual([rowA, rowB]);
      // A partial row keeps the columns it does not mention: Frappe would null them otherwise.
      return [{ name: 'rowa', qty: 5 }, { item_code: 'SKU-3', qty: 3 }];
    });
    expect(done).toEqual({ name: 'SO-1', modified: 'm2' });
  });

  test('a row naming a child the table does not have is refused before anything is sent', async () => {
    nock(BASE).get(path).reply(200, { data: { name: 'SO-1', modified: 'm1', items: [rowA] } });
    await expect(client().updateChildTable('Sales Order', 'SO-1', 'items', () => [{ name: 'ghost', qty: 1 }])).rejects.toMatchObject({
      code: 'erpnext.internal',
      message: 'Row "ghost" is not in items as read; a new row must have no name',
    });
  });

  test('a conflict re-reads the table and re-applies the edit to the new rows', async () => {
    nock(BASE)
      .get(path).reply(200, { data: { name: 'SO-1', modified: 'm1', items: [rowA] } })
      .put(path).reply(417, mismatch())
      .get(path).reply(200, { data: { name: 'SO-1', modified: 'm2', items: [rowA, rowB] } })
      .put(path, { items: [{ ...rowA, qty: 2, idx: 1 }, { ...rowB, qty: 3, idx: 2 }], modified: 'm2' })
      .reply(200, { data: { name: 'SO-1', modified: 'm3' } });
    const done = await client().updateChildTable('Sales Order', 'SO-1', 'items', (rows) => rows.map((r) => ({ name: r.name, qty: Number(r.qty) + 1 })));
    expect(done).toMatchObject({ modified: 'm3' });
  });
});
