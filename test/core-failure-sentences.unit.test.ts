import { CORE_FAILURE_CODES, describeFailure, type FailureCategory } from '@shopsync/core';

const PARAMS = { lineTitle: 'Blue Mug', orderCurrency: 'EUR', companyCurrency: 'USD', issues: 'name is missing', taxTitle: 'VAT 20%', amount: 4.5, gateway: 'paypal', erpnextTotal: 10, shopifyTotal: 11, doctype: 'Sales Order', name: 'SAL-ORD-2026-00001', reason: 'linked with Sales Invoice ACC-SINV-2026-00001', message: 'ERPNext said no', refundId: '901', transactionId: '7001', what: 'payment', id: '7001', findings: 'Sales Order SAL-ORD-2026-00001 is missing in ERPNext' };

describe('every failure code renders one sentence naming the subject and the action', () => {
  test.each(Object.entries(CORE_FAILURE_CODES))('%s', (code, info) => {
    const sentence = describeFailure({ code, category: info.category, retryable: info.retryable, subject: { kind: 'order', label: '#1042', shopifyId: '1' }, params: PARAMS });
    expect(sentence.startsWith('Order #1042 ')).toBe(true);
    expect(sentence.endsWith(`; ${info.action}.`)).toBe(true);
    expect(sentence).not.toMatch(/undefined|\[object/);
    expect(sentence.split('. ').length).toBe(1);
  });

  test.each<FailureCategory>(['transient', 'rate_limited', 'auth', 'mapping', 'validation', 'conflict', 'drift', 'internal'])(
    'a wire failure of category %s gets the category’s action and the server’s words',
    (category) => {
      const sentence = describeFailure({ code: `erpnext.${category}`, category, retryable: false, subject: { kind: 'customer', label: 'Ada Lovelace' }, params: { message: 'Could not find Customer Group: VIP' } });
      expect(sentence).toMatch(/^Customer Ada Lovelace was not synced: Could not find Customer Group: VIP; .+\.$/);
    },
  );
});
