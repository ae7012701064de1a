import { describeFailure, FAILURE_CODES, type FailureCategory, type FailureCode, type FailureCodeInfo } from '@shopsync/core';

const PARAMS = { lineTitle: 'Blue Mug', orderCurrency: 'EUR', companyCurrency: 'USD', issues: 'name is missing', taxTitle: 'VAT 20%', amount: 4.5, gateway: 'paypal', erpnextTotal: 10, shopifyTotal: 11, doctype: 'Sales Order', name: 'SAL-ORD-2026-00001', reason: 'linked with Sales Invoice ACC-SINV-2026-00001', message: 'ERPNext said no', refundId: '901', transactionId: '7001', what: 'payment', id: '7001', findings: 'Sales Order SAL-ORD-2026-00001 is missing in ERPNext' };

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
