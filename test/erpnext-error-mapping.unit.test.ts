import { describeFailure, FAILURE_CATEGORIES, FAILURE_CODES, isSyncError } from '@shopsync/core';
import { decodeServerMessages, toErpnextError } from '@shopsync/erpnext-client';

// The ERPNext client's rows of the one table in core.
const ERPNEXT_ROWS = Object.entries(FAILURE_CODES).filter(([code]) => code.startsWith('erpnext.'));
import { frappeBody } from './support/erpnext-bodies';
import { E, EXCEPTION_ROWS, throwMsg } from './support/erpnext-exception-rows';

describe('toErpnextError: one row per Frappe exception (notes §4, §5)', () => {
  test.each(EXCEPTION_ROWS)('$name → $code', (row) => {
    const error = toErpnextError({ status: row.status, body: row.body, request: { method: 'POST', path: '/api/resource/Sales%20Order' } });
    expect(isSyncError(error)).toBe(true);
    expect({ code: error.code, category: error.category, retryable: error.retryable, message: error.message }).toEqual({
      code: row.code,
      category: row.category,
      retryable: row.retryable,
      message: row.message,
    });
    expect(error.details.status).toBe(row.status);
    // Every decoded message is exported; the headline joins them with newlines.
    expect((error.details.messages as string[]).join('\n')).toBe(row.message.startsWith('ERPNext answered') ? '' : row.message);
  });
});

describe('toErpnextError details', () => {
  test('unique violation names the field label from "X must be unique"', () => {
    const error = toErpnextError({ status: 417, body: frappeBody({ excType: 'UniqueValidationError', messages: [{ message: 'Shopify Order ID must be unique' }] }) });
    expect(error.details.fieldLabel).toBe('Shopify Order ID');
  });

  test('duplicate entry names the doctype and the clashing name', () => {
    const body = frappeBody({ excType: 'DuplicateEntryError', messages: [{ message: 'Sales Order <strong>SAL-ORD-2025-00001</strong> already exists', title: 'Duplicate Name', indicator: 'red' }] });
    expect(toErpnextError({ status: 409, body }).details).toMatchObject({ doctype: 'Sales Order', name: 'SAL-ORD-2025-00001' });
    const fromException = frappeBody({ excType: 'DuplicateEntryError', exception: `${E}.DuplicateEntryError: ('Item', 'SKU-1', IntegrityError(1062, "Duplicate entry 'SKU-1' for key 'PRIMARY'"))` });
    expect(toErpnextError({ status: 409, body: fromException }).details).toMatchObject({ doctype: 'Item', name: 'SKU-1' });
  });

  test('a yellow Note printed before the failure stays in details but not in the headline', () => {
    const body = frappeBody({
      excType: 'UniqueValidationError',
      messages: [{ message: "Changed customer name to 'Jane - 1' as 'Jane' already exists.", title: 'Note', indicator: 'yellow' }, { message: 'Shopsync Key must be unique' }],
    });
    const error = toErpnextError({ status: 417, body });
    expect(error.message).toBe('Shopsync Key must be unique');
    expect(error.details.messages).toHaveLength(2);
  });

  test('"Item X not found" is a missing Item only on a write to another doctype; it names the item code', () => {
    const body = frappeBody({ excType: 'DoesNotExistError', messages: [throwMsg('Item SKU-404 not found')] });
    const on = (method: string, path: string) => toErpnextError({ status: 404, body, request: { method, path } });
    expect(on('POST', '/api/method/frappe.client.insert_many')).toMatchObject({ code: 'erpnext.item_not_found', category: 'mapping', details: { itemCode: 'SKU-404' } });
    expect(on('PUT', '/api/resource/Sales%20Order/SAL-ORD-2025-00001').code).toBe('erpnext.item_not_found');
    // Reading or updating the Item itself: the document asked for is gone.
    expect(on('GET', '/api/resource/Item/SKU-404').code).toBe('erpnext.not_found');
    expect(on('PUT', '/api/resource/Item/SKU-404').code).toBe('erpnext.not_found');
    expect(toErpnextError({ status: 404, body }).code).toBe('erpnext.not_found');
  });

  test('the parked failure for a missing Item names the SKU and asks for the mapping, as LinkValidationError did', () => {
    const body = frappeBody({ excType: 'DoesNotExistError', messages: [throwMsg('Item SKU-404 not found')] });
    const error = toErpnextError({ status: 404, body, request: { method: 'POST', path: '/api/resource/Sales%20Order' } });
    const sentence = describeFailure({ code: error.code, category: error.category, retryable: error.retryable, subject: { kind: 'order', label: '#1001' }, params: { message: error.message } });
    expect(sentence).toMatch(/^Order #1001 .*Item SKU-404 not found; add the missing mapping, then retry\.$/);
  });

  test('ERPNext-raised errors keep _exc_source; the traceback line is kept for evidence', () => {
    const error = toErpnextError({ status: 417, body: frappeBody({ exception: `${E}.ValidationError: X`, excType: 'ValidationError', source: 'erpnext (app)', messages: [throwMsg('X')] }) });
    expect(error.details).toMatchObject({ excType: 'ValidationError', excSource: 'erpnext (app)', exception: `${E}.ValidationError: X`, action: 'fix_data' });
  });

  test('429 takes retryAfterMs from Retry-After seconds or an HTTP date', () => {
    const body = frappeBody({ excType: 'TooManyRequestsError' });
    expect(toErpnextError({ status: 429, body, headers: { 'retry-after': '7' } }).retryAfterMs).toBe(7000);
    const at = Date.parse('2025-03-01T10:00:30Z');
    expect(toErpnextError({ status: 429, body, headers: { 'Retry-After': 'Sat, 01 Mar 2025 10:00:30 GMT' }, nowMs: at - 12_000 }).retryAfterMs).toBe(12_000);
    expect(toErpnextError({ status: 429, body }).retryAfterMs).toBeUndefined();
  });
});

describe('toErpnextError without a response', () => {
  const cause = (code: string, message: string) => Object.assign(new Error(message), { code, isAxiosError: true });

  test('a reset after the request was sent: retryable, and it may have been applied', () => {
    const error = toErpnextError({ cause: cause('ECONNRESET', 'socket hang up'), request: { method: 'POST', path: '/api/resource/Sales%20Order' } });
    expect({ code: error.code, category: error.category, retryable: error.retryable }).toEqual({ code: 'erpnext.network', category: 'transient', retryable: true });
    expect(error.details).toMatchObject({ errorCode: 'ECONNRESET', requestSent: true, timedOut: false, method: 'POST' });
    expect(error.message).toContain('may or may not have been applied');
  });

  test('a timeout', () => {
    const error = toErpnextError({ cause: cause('ETIMEDOUT', 'timeout of 50ms exceeded') });
    expect(error.code).toBe('erpnext.network');
    expect(error.details).toMatchObject({ timedOut: true, requestSent: true });
  });

  test('connection refused: nothing reached ERPNext', () => {
    const error = toErpnextError({ cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(error.code).toBe('erpnext.network');
    expect(error.details.requestSent).toBe(false);
  });

  test('a bug in our own code is not mistaken for a flaky network', () => {
    const error = toErpnextError({ cause: new TypeError("Cannot read properties of undefined (reading 'x')") });
    expect({ code: error.code, category: error.category, retryable: error.retryable }).toEqual({ code: 'erpnext.internal', category: 'internal', retryable: false });
  });
});

describe('the code table (STYLE C5)', () => {
  test.each(ERPNEXT_ROWS)('%s has a DESIGN §4 category and a consistent retry flag', (_code, info) => {
    expect(FAILURE_CATEGORIES).toContain(info.category);
    if (info.category === 'transient' || info.category === 'rate_limited') expect(info.retryable).toBe(true);
    else expect(info.retryable).toBe(false);
  });
});

describe('decodeServerMessages', () => {
  test('tolerates garbage instead of throwing', () => {
    expect(decodeServerMessages('not json')).toEqual([]);
    expect(decodeServerMessages('["not json either"]')).toEqual([{ text: 'not json either', html: 'not json either', raised: false }]);
    expect(decodeServerMessages(undefined)).toEqual([]);
  });

  test('decodes ASCII escapes and entities', () => {
    const raw = JSON.stringify([JSON.stringify({ message: 'Caf\u00e9 &amp; <b>Bar</b>', title: 'Message' })]);
    expect(decodeServerMessages(raw)[0]?.text).toBe('Café & Bar');
  });
});
