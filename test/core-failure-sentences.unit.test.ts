import { describeFailure, FAILURE_CODES, type FailureCategory, type FailureCode, type FailureCodeInfo } from '@shopsync/core';

const PARAMS = { lineTitle: 'Blue Mug', orderCurrency: 'EUR', companyCurrency: 'USD', issues: 'name is missing', taxTitle: 'VAT 20%', amount: 4.5, gateway: 'paypal', erpnextTotal: 10, shopifyTotal: 11, doctype: 'Sales Order', name: 'SAL-ORD-2026-00001', reason: 'linked with Sales Invoice ACC-SINV-2026-00001', message: 'ERPNext said no', refundId: '901', transactionId: '7001', what: 'payment', id: '7001', findings: 'Sales Order SAL-ORD-2026-00001 is missing in ERPNext', items: 'SKU-1001', locationId: '98087769208', warehouse: 'Stores - SD', shopify: 3, erpnext: 125, cause: 'changed in Shopify, not by shopsync', fulfillment: 'gid://shopify/Fulfillment/1' };

const ROWS = Object.entries(FAILURE_CODES) as Array<[FailureCode, FailureCodeInfo]>;
const withSentence = ROWS.filter(([, info]) => info.action !== undefined);
const withoutSentence = ROWS.filter(([, info]) => info.action === undefined);

describe('every failure code renders one sentence naming the subject and the action', () => {
  test.each(withSentence)('%s', (code, info) => {
    const sentence = describeFailure({ code, category: info.category, retryable: info.retryable, subject: { kind: 'order', label: '#1042', shopifyId: '1' }, params: PARAMS });
    expect(sentence.startsWith('Order #1042 ')).toBe(true);
    expect(sentence.endsWith(`; ${info.action}.`)).toBe(true);
    expect(sentence).not.toMatch(/undefined|\[object/);
    expect(sentence.split('. ').length).toBe(1);
  });

  // The wire codes and the runner's own: the server's (or the error's) words, then the category's action.
  test.each(withoutSentence)('%s', (code, info) => {
    const sentence = describeFailure({ code, category: info.category, retryable: info.retryable, subject: { kind: 'order', label: '#1042', shopifyId: '1' }, params: PARAMS });
    expect(sentence).toMatch(/^Order #1042 was not synced: ERPNext said no; .+\.$/);
    expect(sentence).not.toMatch(/undefined|\[object/);
    expect(sentence.split('. ').length).toBe(1);
  });

  test.each<FailureCategory>(['transient', 'rate_limited', 'auth', 'mapping', 'validation', 'conflict', 'drift', 'internal'])(
    'a wire failure of category %s gets the category’s action and the server’s words',
    (category) => {
      // An ERPNext code of that category (the client's rows cover all eight).
      const [code] = withoutSentence.find(([candidate, info]) => candidate.startsWith('erpnext.') && info.category === category) ?? [];
      if (code === undefined) throw new Error(`no erpnext.* row of category ${category}`);
      const sentence = describeFailure({ code, category, retryable: false, subject: { kind: 'customer', label: 'Ada Lovelace' }, params: { message: 'Could not find Customer Group: VIP' } });
      expect(sentence).toMatch(/^Customer Ada Lovelace was not synced: Could not find Customer Group: VIP; .+\.$/);
    },
  );
});

describe('stock and Delivery Note failures name their item, location or note', () => {
  test('drift names the item, the location and both numbers', () => {
    const sentence = describeFailure({
      code: 'drift.stock_differs',
      category: 'drift',
      retryable: true,
      subject: { kind: 'stock', label: 'SKU-1003 at location 98087769208' },
      params: { items: 'SKU-1003', locationId: '98087769208', shopify: 3, erpnext: 100, cause: 'changed in Shopify, not by shopsync' },
    });
    expect(sentence).toBe(
      "Stock of SKU-1003 at location 98087769208 is 3 available in Shopify, but ERPNext's Bins say 100 (changed in Shopify, not by shopsync); press Retry to set Shopify to ERPNext's quantity (ERPNext is the stock authority; nothing is written to ERPNext stock), or correct the stock in ERPNext and ignore this failure.",
    );
  });

  test('a cancelled Delivery Note is named by its name', () => {
    const sentence = describeFailure({ code: 'conflict.delivery_note_cancelled', category: 'conflict', retryable: false, subject: { kind: 'delivery_note', label: 'MAT-DN-2026-00001' }, params: { fulfillment: 'gid://shopify/Fulfillment/7' } });
    expect(sentence.startsWith('Delivery Note MAT-DN-2026-00001 was cancelled in ERPNext after it became Shopify fulfillment gid://shopify/Fulfillment/7; ')).toBe(true);
  });
});
