import { serverMessages, startSim, type RunningSim } from './support/erpnext-sim';

// Issue 10 point 2: an argument the real method hands to `json.loads` / `frappe.parse_json` with no
// guard dies there when the str is not JSON: json.decoder.JSONDecodeError, which no Frappe handler
// catches, so the answer is a 500 with that exc_type. The simulator used to keep the str and answer
// a friendlier 417 ("entries must be a list", "Invalid filters"). Arguments the real method decodes
// leniently (get_safe_filters, get_list's `fields`) must stay lenient.
describe('ERPNext simulator: method arguments the real method parses as JSON', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim();
  });
  afterAll(() => s.sim.close());

  const method = (verb: string, name: string, query: Record<string, string>) => s.raw(verb, `/api/method/${name}?${new URLSearchParams(query).toString()}`);
  const decodeError = (response: { status: number; json: Record<string, unknown> }) => ({ status: response.status, excType: response.json.exc_type, exception: response.json.exception });
  const jsonDecodeError = (message: string) => ({ status: 500, excType: 'JSONDecodeError', exception: `json.decoder.JSONDecodeError: ${message}` });

  test('frappe.client.get_list: `filters` that is not JSON is a 500 JSONDecodeError, with CPython message and position', async () => {
    expect(decodeError(await method('GET', 'frappe.client.get_list', { doctype: 'Item', filters: '[1,' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 4 (char 3)'));
    expect(decodeError(await method('GET', 'frappe.client.get_list', { doctype: 'Item', filters: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await method('GET', 'frappe.client.get_list', { doctype: 'Item', or_filters: '{item_code: 1}' }))).toEqual(jsonDecodeError('Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'));
    const valid = await method('GET', 'frappe.client.get_list', { doctype: 'Item', filters: '[["item_code","=","SKU-1001"]]', fields: 'name, item_code' });
    expect([valid.status, valid.json.message]).toEqual([200, [{ name: 'SKU-1001', item_code: 'SKU-1001' }]]);
    // An empty str is `filters or []`: no filters, no error.
    expect((await method('GET', 'frappe.client.get_list', { doctype: 'Item', filters: '' })).status).toBe(200);
  });

  test('GET /api/resource: document_list decodes `fields` with no fallback; `filters` as get_list does', async () => {
    expect(decodeError(await s.raw('GET', '/api/resource/Item?fields=name'))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await s.raw('GET', '/api/resource/Item?filters=[["name","=","SKU-1001"]'))).toEqual(jsonDecodeError("Expecting ',' delimiter: line 1 column 25 (char 24)"));
    const valid = await s.raw('GET', '/api/resource/Item?fields=["name"]&filters={"name":"SKU-1001"}');
    expect([valid.status, valid.json.data]).toEqual([200, [{ name: 'SKU-1001' }]]);
  });

  test('get_count (get_safe_filters) and get_value stay lenient: a non-JSON str is a name', async () => {
    expect((await method('GET', 'frappe.client.get_count', { doctype: 'Item', filters: 'SKU-1001' })).json.message).toBe(1);
    expect((await method('GET', 'frappe.client.get_count', { doctype: 'Item', filters: 'abc' })).json.message).toBe(0);
    expect((await method('GET', 'frappe.client.get_value', { doctype: 'Item', fieldname: 'item_code', filters: 'SKU-1001' })).json.message).toEqual({ item_code: 'SKU-1001' });
  });

  test('frappe.client.get: `filters` goes through frappe.parse_json', async () => {
    expect(decodeError(await method('GET', 'frappe.client.get', { doctype: 'Item', filters: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(((await method('GET', 'frappe.client.get', { doctype: 'Item', filters: '{"item_code":"SKU-1001"}' })).json.message as Record<string, unknown>).name).toBe('SKU-1001');
  });

  test('frappe.client.insert / insert_many: `doc` / `docs` through json.loads; nothing is written on a bad one', async () => {
    const before = s.sim.countDocs('Customer');
    expect(decodeError(await method('POST', 'frappe.client.insert', { doc: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await method('POST', 'frappe.client.insert', { doc: '{"doctype":"Customer","customer_name":"Half"' }))).toEqual(jsonDecodeError("Expecting ',' delimiter: line 1 column 45 (char 44)"));
    expect(decodeError(await method('POST', 'frappe.client.insert_many', { docs: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(s.sim.countDocs('Customer')).toBe(before);
    const valid = await method('POST', 'frappe.client.insert', { doc: '{"doctype":"Customer","customer_name":"Query String Customer"}' });
    expect([valid.status, (valid.json.message as Record<string, unknown>).customer_name]).toEqual([200, 'Query String Customer']);
  });

  test('the companion app: entries / entry / operations / names through frappe.parse_json', async () => {
    expect(decodeError(await method('POST', 'shopsync.api.record_sync_logs', { entries: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await method('POST', 'shopsync.api.record_sync_failures', { entries: '[{' }))).toEqual(jsonDecodeError('Expecting property name enclosed in double quotes: line 1 column 3 (char 2)'));
    expect(decodeError(await method('POST', 'shopsync.api.record_runner_health', { entry: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await method('POST', 'shopsync.documents.apply_documents', { operations: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    expect(decodeError(await method('POST', 'shopsync.documents.apply_documents', { operations: '[]', names: 'abc' }))).toEqual(jsonDecodeError('Expecting value: line 1 column 1 (char 0)'));
    // JSON that is not a list is still the app's own 417.
    const notList = await method('POST', 'shopsync.api.record_sync_logs', { entries: '{}' });
    expect([notList.status, notList.json.exc_type, serverMessages(notList.json)[0]?.message]).toEqual([417, 'ValidationError', 'entries must be a list']);
    // Valid JSON strings work; `names` that is empty is no names.
    const logged = await method('POST', 'shopsync.api.record_sync_logs', { entries: '[{"event_id":"evt-json-1","status":"Applied"}]' });
    expect([logged.status, (logged.json.message as Array<Record<string, unknown>>)[0]?.result]).toEqual([200, 'created']);
    const applied = await method('POST', 'shopsync.documents.apply_documents', { operations: '[]', names: '' });
    expect([applied.status, applied.json.message]).toEqual([200, { applied: [], stopped_at: null }]);
  });

  test('Sync Log evidence: a str that is not JSON, or JSON that is not a list or object, is an invalid entry (log_entries.json_text)', async () => {
    const entries = JSON.stringify([
      { event_id: 'evt-ev-1', status: 'Applied', evidence: 'not json' },
      { event_id: 'evt-ev-2', status: 'Applied', evidence: 5 },
      { event_id: 'evt-ev-3', status: 'Applied', evidence: '{"b":1,"a":2}' },
    ]);
    const results = (await s.raw('POST', '/api/method/shopsync.api.record_sync_logs', { body: JSON.stringify({ entries }) })).json.message as Array<Record<string, unknown>>;
    const invalid = 'evidence must be JSON (an object, a list, or a string holding JSON)';
    expect(results.map((r) => r.result)).toEqual(['invalid', 'invalid', 'created']);
    expect(results.slice(0, 2).map((r) => r.message)).toEqual([invalid, invalid]);
  });
});
