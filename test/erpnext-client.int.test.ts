import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createErpnextClient, type ErpnextClientEvent, type ErpnextClientOptions } from '@shopsync/erpnext-client';
import { frappeBody } from './support/erpnext-bodies';

// Stubs sit on a loopback address on purpose: nock's interceptor from an earlier test file in the
// same jest worker stays stacked on node:http (setup-http never restores it) and sees requests
// first; it lets loopback through to this file's nock, but refuses any other host outright.
// Port 9 (discard) has no listener, so a request nock fails to stub cannot reach a real server.
const BASE = 'http://127.0.0.1:9';
const SECRET = 'api-secret-never-logged';

function setup(overrides: Partial<ErpnextClientOptions> = {}) {
  const sleeps: number[] = [];
  const events: ErpnextClientEvent[] = [];
  const client = createErpnextClient({
    baseUrl: BASE,
    apiKey: 'api-key',
    apiSecret: SECRET,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return { client, sleeps, events };
}

describe('erpnext-client requests', () => {
  test('sends the token header, Accept and a JSON body; URL-encodes doctype and name', async () => {
    const { client } = setup();
    nock(BASE, { reqheaders: { authorization: `token api-key:${SECRET}`, accept: 'application/json', 'content-type': 'application/json' } })
      .put('/api/resource/Sales%20Order/SO%2F1%20A', { po_no: '#1001' })
      .reply(200, { data: { name: 'SO/1 A', po_no: '#1001' } });
    await expect(client.updateDoc('Sales Order', 'SO/1 A', { po_no: '#1001' })).resolves.toEqual({ name: 'SO/1 A', po_no: '#1001' });
  });

  test('always sends order_by (default "creation asc, name asc"); filters and fields travel as JSON', async () => {
    const { client } = setup();
    nock(BASE)
      .get('/api/resource/Customer')
      .query({ fields: '["name","customer_name"]', filters: '[["customer_group","=","Individual"]]', order_by: 'creation asc, name asc', limit_page_length: '5' })
      .reply(200, { data: [{ name: 'A', customer_name: 'A' }] })
      .get('/api/resource/Customer')
      .query({ filters: '{"shopsync_key":"customer:1"}', or_filters: '[["disabled","=",0]]', order_by: 'modified desc', limit_start: '10' })
      .reply(200, { data: [] });
    await expect(client.listDocs('Customer', { fields: ['name', 'customer_name'], filters: [['customer_group', '=', 'Individual']], limitPageLength: 5 })).resolves.toHaveLength(1);
    await expect(client.listDocs('Customer', { filters: { shopsync_key: 'customer:1' }, orFilters: [['disabled', '=', 0]], orderBy: 'modified desc', limitStart: 10 })).resolves.toEqual([]);
  });

  test('listAll pages with limit_start until a short page', async () => {
    const { client } = setup();
    const page = (start: number, rows: string[]) =>
      nock(BASE).get('/api/resource/Item').query({ order_by: 'creation asc, name asc', limit_start: String(start), limit_page_length: '2' }).reply(200, { data: rows.map((name) => ({ name })) });
    page(0, ['a', 'b']);
    page(2, ['c', 'd']);
    page(4, ['e']);
    const rows = await client.listAll('Item', { limitPageLength: 2 });
    expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('findOne asks for one row; count and callMethod return `message`, or undefined when absent', async () => {
    const { client } = setup();
    nock(BASE)
      .get('/api/resource/Sales%20Order')
      .query({ fields: '["name"]', filters: '{"shopsync_key":"k"}', order_by: 'creation asc, name asc', limit_page_length: '1' })
      .reply(200, { data: [{ name: 'SAL-ORD-2025-00001' }] })
      .get('/api/method/frappe.client.get_count')
      .query({ doctype: 'Customer', filters: '[["disabled","=",0]]' })
      .reply(200, { message: 3 })
      .post('/api/method/shopsync.api.record_sync_logs', { entries: [] })
      .reply(200, {});
    await expect(client.findOne('Sales Order', { shopsync_key: 'k' })).resolves.toEqual({ name: 'SAL-ORD-2025-00001' });
    await expect(client.count('Customer', [['disabled', '=', 0]])).resolves.toBe(3);
    await expect(client.callMethod('shopsync.api.record_sync_logs', { entries: [] })).resolves.toBeUndefined();
  });

  test('submit and cancel are PUTs of docstatus; delete accepts 202', async () => {
    const { client } = setup();
    nock(BASE)
      .put('/api/resource/Sales%20Order/SO-1', { docstatus: 1 })
      .reply(200, { data: { name: 'SO-1', docstatus: 1 } })
      .put('/api/resource/Sales%20Order/SO-1', { docstatus: 2 })
      .reply(200, { data: { name: 'SO-1', docstatus: 2 } })
      .delete('/api/resource/Sales%20Order/SO-1')
      .reply(202, { data: 'ok' });
    await expect(client.submitDoc('Sales Order', 'SO-1')).resolves.toMatchObject({ docstatus: 1 });
    await expect(client.cancelDoc('Sales Order', 'SO-1')).resolves.toMatchObject({ docstatus: 2 });
    await expect(client.deleteDoc('Sales Order', 'SO-1')).resolves.toBeUndefined();
  });

  test('a 2xx that is not a Frappe envelope is an unexpected response', async () => {
    const { client } = setup();
    nock(BASE).get('/api/resource/Item/X').reply(200, '<html>login</html>');
    await expect(client.getDoc('Item', 'X')).rejects.toMatchObject({ code: 'erpnext.unexpected_response', retryable: false });
  });

  test('rejects bad options with every problem named', () => {
    expect(() => createErpnextClient({ baseUrl: 'erp', apiKey: '', apiSecret: 's', concurrency: 0 })).toThrow(
      /baseUrl must be an http\(s\) URL.*apiKey must be a non-empty string.*concurrency must be a positive integer/,
    );
  });
});

describe('erpnext-client retries', () => {
  test('a GET is retried after 502 with backoff from the injected sleep', async () => {
    const { client, sleeps, events } = setup();
    nock(BASE).get('/api/resource/Item/SKU-1').reply(502, '<html><title>502 Bad Gateway</title></html>').get('/api/resource/Item/SKU-1').reply(200, { data: { name: 'SKU-1' } });
    await expect(client.getDoc('Item', 'SKU-1')).resolves.toEqual({ name: 'SKU-1' });
    expect(sleeps).toEqual([188]);
    expect(events.map((e) => `${e.type}:${e.status ?? '-'}`)).toEqual(['http.request:502', 'http.retry:502', 'http.request:200']);
  });

  test('a GET honours Retry-After on 429 and reports the throttle', async () => {
    const { client, sleeps, events } = setup();
    nock(BASE)
      .get('/api/resource/Item/SKU-1')
      .reply(429, frappeBody({ excType: 'TooManyRequestsError' }), { 'Retry-After': '3' })
      .get('/api/resource/Item/SKU-1')
      .reply(200, { data: { name: 'SKU-1' } });
    await client.getDoc('Item', 'SKU-1');
    expect(sleeps).toEqual([3000]);
    expect(events.find((e) => e.type === 'http.throttled')).toMatchObject({ status: 429, retryAfterMs: 3000, path: '/api/resource/Item/SKU-1' });
  });

  test('a GET gives up after maxReadRetries and throws the last error', async () => {
    const { client, sleeps } = setup({ maxReadRetries: 2 });
    nock(BASE).get('/api/resource/Item/SKU-1').times(3).reply(503, frappeBody({ excType: 'SessionStopped' }));
    await expect(client.getDoc('Item', 'SKU-1')).rejects.toMatchObject({ code: 'erpnext.unavailable', retryable: true });
    expect(sleeps).toHaveLength(2);
  });

  test('a GET is not retried on a permanent error', async () => {
    const { client, sleeps } = setup();
    nock(BASE).get('/api/resource/Item/NOPE').reply(404, frappeBody({ excType: 'DoesNotExistError', messages: [{ message: 'Item NOPE not found', raise: true }] }));
    await expect(client.getDoc('Item', 'NOPE')).rejects.toMatchObject({ code: 'erpnext.not_found', message: 'Item NOPE not found' });
    expect(sleeps).toEqual([]);
  });

  test('a POST is never retried by the client, even when the error is retryable', async () => {
    const { client, sleeps } = setup();
    nock(BASE).post('/api/resource/Sales%20Order').reply(502, '').post('/api/resource/Sales%20Order').reply(500, frappeBody({ excType: 'QueryDeadlockError' }));
    await expect(client.insertDoc('Sales Order', { customer: 'X' })).rejects.toMatchObject({ code: 'erpnext.unavailable', retryable: true });
    await expect(client.insertDoc('Sales Order', { customer: 'X' })).rejects.toMatchObject({ code: 'erpnext.deadlock', retryable: true });
    expect(sleeps).toEqual([]);
  });

  test('a method call is a POST with a JSON body by default: numbers stay numbers (a query string makes them str)', async () => {
    const { client } = setup();
    const path = '/api/method/erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';
    nock(BASE).post(path, { dt: 'Sales Invoice', dn: 'SINV-1', party_amount: 253.92 }).matchHeader('content-type', 'application/json').reply(200, { message: { paid_amount: 253.92 } });
    await expect(client.callMethod(path.slice('/api/method/'.length), { dt: 'Sales Invoice', dn: 'SINV-1', party_amount: 253.92 })).resolves.toEqual({ paid_amount: 253.92 });
  });

  test('a POST marked readOnly (a mapper that only drafts) is retried like a read; an ordinary POST is not', async () => {
    const { client, sleeps, events } = setup();
    const method = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
    nock(BASE).post(`/api/method/${method}`).reply(502, '').post(`/api/method/${method}`).reply(200, { message: { doctype: 'Sales Invoice' } });
    await expect(client.callMethod(method, { source_name: 'SO-1' }, { verb: 'POST', readOnly: true })).resolves.toEqual({ doctype: 'Sales Invoice' });
    expect(events.map((e) => `${e.type}:${e.method}:${e.status ?? '-'}`)).toEqual(['http.request:POST:502', 'http.retry:POST:502', 'http.request:POST:200']);
    nock(BASE).post(`/api/method/${method}`).reply(502, '');
    await expect(client.callMethod(method, { source_name: 'SO-1' }, { verb: 'POST' })).rejects.toMatchObject({ code: 'erpnext.unavailable' });
    expect(sleeps).toHaveLength(1);
  });

  test('a timeout becomes erpnext.network (and a GET retries it)', async () => {
    const { client, sleeps } = setup({ timeoutMs: 20, maxReadRetries: 1 });
    nock(BASE).get('/api/resource/Item/SKU-1').times(2).delay(500).reply(200, { data: {} });
    await expect(client.getDoc('Item', 'SKU-1')).rejects.toMatchObject({ code: 'erpnext.network', retryable: true, details: { timedOut: true } });
    expect(sleeps).toHaveLength(1);
  });

  test('a reset connection on a write is erpnext.network: maybe applied, not retried here', async () => {
    // nock cannot reset a connection under axios, so a loopback server drops the socket itself.
    let received = 0;
    const server = createServer((req) => {
      received += 1;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { client, sleeps } = setup({ baseUrl: `http://127.0.0.1:${port}` });
      await expect(client.insertDoc('Customer', { customer_name: 'A' })).rejects.toMatchObject({ code: 'erpnext.network', details: { requestSent: true, errorCode: 'ECONNRESET' } });
      expect(sleeps).toEqual([]);
      expect(received).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('events carry method, path, status and duration, never credentials or query values', async () => {
    const clockValues = [0, 12];
    const { client, events } = setup({ clock: () => clockValues.shift() ?? 12 });
    nock(BASE).get('/api/resource/Customer').query(true).reply(200, { data: [] });
    await client.listDocs('Customer', { filters: { customer_name: 'Secret Name' } });
    expect(events).toEqual([{ type: 'http.request', method: 'GET', path: '/api/resource/Customer', status: 200, durationMs: 12, attempt: 1 }]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });
});

describe('erpnext-client concurrency', () => {
  test('no more than `concurrency` requests are in flight', async () => {
    const { client } = setup({ concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    nock(BASE)
      .get(/\/api\/resource\/Item\/.*/)
      .times(6)
      .reply(async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return [200, { data: {} }];
      });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => client.getDoc('Item', name)));
    expect(peak).toBe(2);
  });
});
