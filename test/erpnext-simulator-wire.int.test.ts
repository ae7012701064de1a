import { serverMessages, SIM_KEY, SIM_SECRET, startSim, type RunningSim } from './support/erpnext-sim';

// Wire-level fidelity to notes §1, §2, §4: what a Frappe client sees byte for byte.
describe('ERPNext simulator: wire format', () => {
  let s: RunningSim;
  let now = new Date('2025-06-01T09:30:00Z');
  beforeAll(async () => {
    s = await startSim({ now: () => now });
  });
  afterAll(() => s.sim.close());

  test('a single document: floats as 100.0, checks as 0/1, microsecond datetimes, no nulls', async () => {
    const { status, text, json } = await s.raw('GET', '/api/resource/Item/SKU-1001');
    expect(status).toBe(200);
    expect(text).toContain('"valuation_rate":10.0');
    expect(text).toContain('"is_stock_item":1');
    const data = json.data as Record<string, unknown>;
    expect(data.creation).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/);
    expect(Object.values(data).filter((v) => v === null)).toEqual([]);
    expect(data.doctype).toBe('Item');
  });

  test('list rows keep nulls; `limit_page_length` wins over `limit`; 0 means all; default 20', async () => {
    const list = (query: string) => s.raw('GET', `/api/resource/Item?${query}`).then((r) => r.json.data as Array<Record<string, unknown>>);
    const rows = await list('fields=["name","variant_of"]&limit=2');
    expect(rows).toEqual([{ name: expect.any(String), variant_of: null }, { name: expect.any(String), variant_of: null }]);
    expect(await list('limit=2&limit_page_length=3')).toHaveLength(3);
    const all = await list('limit_page_length=0');
    expect(all.length).toBe(s.sim.countDocs('Item'));
    for (let i = 0; all.length + i < 21; i += 1) await s.client.insertDoc('Item', { item_code: `FILL-${i}`, item_group: 'Products', stock_uom: 'Nos' });
    expect(await list('')).toHaveLength(20);
  });

  test('fields "*", a child column join, and a child doctype that needs `parent`', async () => {
    const so = await s.client.insertDoc('Sales Order', { customer: (await s.client.insertDoc('Customer', { customer_name: 'Wire Joiner' })).name, delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1001', qty: 1 }, { item_code: 'SKU-1002', qty: 2 }] });
    const star = await s.raw('GET', `/api/resource/Sales Order?fields=["*"]&filters=[["name","=","${so.name}"]]`);
    expect((star.json.data as Array<Record<string, unknown>>)[0]).toMatchObject({ name: so.name, status: 'Draft', po_no: null });
    const joined = await s.client.listDocs('Sales Order', { fields: ['name', 'items.item_code', 'items.qty'], filters: [['name', '=', so.name!]] });
    expect(joined).toEqual([{ name: so.name, item_code: 'SKU-1001', qty: 1 }, { name: so.name, item_code: 'SKU-1002', qty: 2 }]);
    expect((await s.raw('GET', '/api/resource/Sales Order Item')).status).toBe(403);
    const children = await s.raw('GET', `/api/resource/Sales Order Item?parent=Sales Order&fields=["item_code"]&filters=[["parent","=","${so.name}"]]`);
    expect(children.json.data).toEqual([{ item_code: 'SKU-1001' }, { item_code: 'SKU-1002' }]);
    await expect(s.client.listDocs('Item', { fields: ['nope'] })).rejects.toMatchObject({ code: 'erpnext.validation', message: 'Field not permitted in query: nope' });
  });

  test('filter operators: in, like, between, is set, !=, descendants of, or_filters', async () => {
    const names = async (filters: unknown, orFilters?: unknown) =>
      (await s.client.listDocs('Warehouse', { filters: filters as never, ...(orFilters ? { orFilters: orFilters as never } : {}), orderBy: 'name asc' })).map((r) => r.name);
    expect(await names([['name', 'in', ['Stores - SD', 'Nope']]])).toEqual(['Stores - SD']);
    expect(await names([['name', 'in', 'Stores - SD, Finished Goods - SD']])).toEqual(['Finished Goods - SD', 'Stores - SD']);
    expect(await names({ warehouse_name: ['like', 'Goods%'] })).toEqual(['Goods In Transit - SD']);
    expect(await names([['parent_warehouse', 'is', 'not set']])).toEqual(['All Warehouses - SD']);
    expect(await names([['name', 'descendants of', 'All Warehouses - SD']])).toHaveLength(4);
    expect(await names([['is_group', '!=', 1]], [['warehouse_name', '=', 'Stores'], ['warehouse_name', '=', 'work in progress']])).toEqual(['Stores - SD', 'Work In Progress - SD']);
    const today = await s.client.listDocs('Warehouse', { filters: [['creation', 'between', ['2025-06-01', '2025-06-01']]] });
    expect(today).toHaveLength(5);
    await expect(names([['name', 'regexp', 'x']])).rejects.toMatchObject({ code: 'erpnext.validation', message: expect.stringMatching(/^Operator must be one of =, !=/) });
  });

  test('error bodies: v15 key order, double-encoded _server_messages with Python spacing, ASCII escapes', async () => {
    const { status, text, json } = await s.raw('POST', '/api/resource/Sales Order', { body: JSON.stringify({ customer: 'Zoë', delivery_date: '2025-06-10', items: [] }) });
    expect(status).toBe(404);
    expect(Object.keys(json)).toEqual(['exc_type', '_server_messages']);
    // Escaped three times over: inner json.dumps, outer json.dumps, then the response itself.
    expect(text).toContain('Zo\\\\\\\\u00eb');
    expect(String(json._server_messages)).toMatch(/^\["\{\\"message\\": \\"Customer Zo/);
    const bad = await s.raw('POST', '/api/resource/Sales Order', { body: JSON.stringify({ customer: 'Wire Joiner', items: [{ item_code: 'SKU-1001', qty: 1 }] }) });
    expect(bad.status).toBe(417);
    expect(Object.keys(bad.json)).toEqual(['exception', 'exc_type', '_exc_source', 'exc', '_server_messages']);
    expect(bad.json.exception).toBe('frappe.exceptions.ValidationError: Please enter Delivery Date');
    expect(JSON.parse(String(bad.json.exc))).toEqual([expect.stringContaining('Traceback (most recent call last):')]);
    expect(serverMessages(bad.json)).toEqual([{ message: 'Please enter Delivery Date', title: 'Message', indicator: 'red', raise_exception: 1, __frappe_exc_id: expect.stringMatching(/^[0-9a-f]{56}$/) }]);
  });

  test('without tracebacks (v16-like settings) error bodies carry no exception or exc', async () => {
    const quiet = await startSim({ tracebacks: false });
    try {
      const bad = await quiet.raw('GET', '/api/method/frappe.client.get_list?doctype=Item&fields=["nope"]');
      expect(Object.keys(bad.json)).toEqual(['exc_type', '_server_messages']);
    } finally {
      await quiet.sim.close();
    }
  });

  test('a mandatory failure: one plain msgprint per field, MandatoryError naming the fieldnames', async () => {
    const { json } = await s.raw('POST', '/api/resource/Sales Order', { body: JSON.stringify({ delivery_date: '2025-06-10', items: [{ qty: 1 }] }) });
    expect(json.exc_type).toBe('MandatoryError');
    expect(json.exception).toMatch(/^frappe\.exceptions\.MandatoryError: \[Sales Order, SAL-ORD-2025-\d{5}\]: customer, item_code/);
    // Without an item code nothing is fetched, so the row's item name, UOM and factor are missing too.
    expect(serverMessages(json).slice(0, 3)).toEqual([
      { message: 'Error: Value missing for Sales Order: Customer', title: 'Message' },
      { message: 'Error: <strong>Sales Order Item</strong> Row #1: Value missing for: Item Code', title: 'Message' },
      { message: 'Error: <strong>Sales Order Item</strong> Row #1: Value missing for: Item Name', title: 'Message' },
    ]);
  });

  test('a successful insert can carry _server_messages: the customer-rename Note', async () => {
    await s.client.insertDoc('Customer', { customer_name: 'Renamed Twice' });
    const { status, json } = await s.raw('POST', '/api/resource/Customer', { body: JSON.stringify({ customer_name: 'Renamed Twice' }) });
    expect(status).toBe(200);
    expect((json.data as Record<string, unknown>).name).toBe('Renamed Twice - 1');
    expect(serverMessages(json)).toEqual([{ message: "Changed customer name to 'Renamed Twice - 1' as 'Renamed Twice' already exists.", title: 'Note', indicator: 'yellow' }]);
  });

  test('a JSON body wins over the query string; `name` in an insert is ignored', async () => {
    const { json } = await s.raw('POST', '/api/resource/Customer?customer_name=FromQuery', { body: JSON.stringify({ customer_name: 'FromBody', name: 'Chosen' }) });
    expect((json.data as Record<string, unknown>).name).toBe('FromBody');
  });

  test('naming series: per prefix and year, 5 digits, not consumed by a failed insert', async () => {
    const c = await s.client.insertDoc('Customer', { customer_name: 'Series Probe' });
    const insert = (items: unknown[]) => s.client.insertDoc('Sales Order', { customer: c.name, delivery_date: '2030-01-01', items });
    const first = await insert([{ item_code: 'SKU-1001', qty: 1 }]);
    await expect(insert([{ item_code: 'NOPE', qty: 1 }])).rejects.toMatchObject({ code: 'erpnext.item_not_found' });
    const second = await insert([{ item_code: 'SKU-1001', qty: 1 }]);
    expect(Number(second.name!.slice(-5)) - Number(first.name!.slice(-5))).toBe(1);
    now = new Date('2026-01-02T08:00:00Z');
    await expect(insert([{ item_code: 'SKU-1001', qty: 1 }])).resolves.toMatchObject({ name: 'SAL-ORD-2026-00001' });
    now = new Date('2025-06-01T09:30:00Z');
  });

  test('DELETE answers 202 {"data":"ok"}; unknown routes 404 with no message; unknown methods 417', async () => {
    const c = await s.client.insertDoc('Customer', { customer_name: 'Short Lived' });
    const deleted = await s.raw('DELETE', `/api/resource/Customer/${encodeURIComponent(c.name!)}`);
    expect([deleted.status, deleted.text]).toEqual([202, '{"data":"ok"}']);
    const unknown = await s.raw('GET', '/api/nothing/here');
    expect([unknown.status, Object.keys(unknown.json)]).toEqual([404, ['exc_type']]);
    const method = await s.raw('POST', '/api/method/shopsync.api.nope', { body: '{}' });
    expect([method.status, serverMessages(method.json)[0]?.message]).toEqual([417, "Failed to get method for command shopsync.api.nope with No module named 'shopsync'"]);
    expect((await s.raw('GET', '/api/v1/resource/Item/SKU-1001')).status).toBe(200);
    expect((await s.raw('GET', '/api/method/frappe.auth.get_logged_user')).json).toEqual({ message: 'shopsync-runner@example.com' });
    await s.client.insertDoc('Customer', { customer_name: 'Deleted By Method' });
    expect((await s.raw('POST', '/api/method/frappe.client.delete', { body: JSON.stringify({ doctype: 'Customer', name: 'Deleted By Method' }) })).text).toBe('{}');
    const linked = await s.raw('POST', '/api/method/frappe.client.delete', { body: JSON.stringify({ doctype: 'Customer', name: 'Series Probe' }) });
    expect([linked.status, linked.json.exc_type]).toEqual([417, 'LinkExistsError']);
  });

  test('a body that is not JSON is a 500 JSONDecodeError', async () => {
    const { status, json } = await s.raw('POST', '/api/resource/Customer', { body: '{customer_name:' });
    expect([status, json.exc_type, json.exception]).toEqual([500, 'JSONDecodeError', 'json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)']);
  });

  test('a query-string argument reaches the method as a str: get_payment_entry answers 500 TypeError, a builtin with no module', async () => {
    const customer = await s.client.insertDoc('Customer', { customer_name: 'Wire Payer' });
    const so = await s.client.insertDoc('Sales Order', { customer: customer.name, delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1001', qty: 1 }] });
    await s.client.submitDoc('Sales Order', so.name!);
    const path = '/api/method/erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';
    const byGet = await s.raw('GET', `${path}?dt=Sales+Order&dn=${encodeURIComponent(so.name!)}&party_amount=5`);
    expect({ status: byGet.status, excType: byGet.json.exc_type, exception: byGet.json.exception }).toEqual({ status: 500, excType: 'TypeError', exception: "TypeError: bad operand type for abs(): 'str'" });
    // "0" is a non-empty str, so Python's `if party_amount:` takes it too.
    expect((await s.raw('GET', `${path}?dt=Sales+Order&dn=${encodeURIComponent(so.name!)}&party_amount=0`)).status).toBe(500);
    const byPost = await s.client.callMethod<Record<string, unknown>>(path.slice('/api/method/'.length), { dt: 'Sales Order', dn: so.name, party_amount: 5 });
    expect(byPost).toMatchObject({ paid_amount: 5, received_amount: 5, payment_type: 'Receive' });
  });

  test('auth: token and Basic work; a wrong secret is a bare 401; Guest may only ping', async () => {
    const basic = `Basic ${Buffer.from(`${SIM_KEY}:${SIM_SECRET}`).toString('base64')}`;
    expect((await s.raw('GET', '/api/resource/Item/SKU-1001', { headers: { Authorization: basic } })).status).toBe(200);
    const wrong = await s.raw('GET', '/api/resource/Item/SKU-1001', { headers: { Authorization: `token ${SIM_KEY}:nope` } });
    expect([wrong.status, wrong.json.exc_type, wrong.json._server_messages]).toEqual([401, 'AuthenticationError', undefined]);
    expect((await s.raw('GET', '/api/resource/Item/SKU-1001', { headers: { Authorization: 'Basic !!' } })).status).toBe(400);
    const guest = await fetch(`${s.url}/api/resource/Item/SKU-1001`);
    expect(guest.status).toBe(403);
    expect(await (await fetch(`${s.url}/api/method/ping`)).json()).toEqual({ message: 'pong' });
  });
});
