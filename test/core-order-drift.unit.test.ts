import { EMPTY_CONTEXT, describeDrift, expectedDocuments, orderDrift, planEvent, type ExpectedDocument, type FoundDocument } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';

const plan = (payload: unknown) => planEvent({ shop: SHOP, topic: 'orders/updated', payload }, MAPPED_SETTINGS, EMPTY_CONTEXT);

describe('what ERPNext must hold for an order, and how it drifted', () => {
  test('the planner defines it: masters as they are, submitted documents, the Sales Order with its content, a cancelled order cancelled', () => {
    const paid = expectedDocuments(plan(simulatedOrder()));
    expect(paid.map((d) => [d.doctype, d.docstatus, d.revision === null])).toEqual([
      ['Customer', 0, true],
      ['Sales Order', 1, false],
      ['Sales Invoice', 1, true],
    ]);
    const cancelled = expectedDocuments(plan({ ...simulatedOrder({ financialStatus: 'pending' }), cancelled_at: '2026-11-27T11:00:00-05:00', financial_status: 'voided' }));
    expect(cancelled.find((d) => d.doctype === 'Sales Order')).toMatchObject({ docstatus: 2, revision: null });
  });

  test('each difference is one finding with a sentence; matching documents are none', () => {
    const so: ExpectedDocument = { key: 'sales-order:s:1', doctype: 'Sales Order', docstatus: 1, revision: { digest: 'aaaa', shape: { fields: [], tables: [] } } };
    const gone: ExpectedDocument = { key: 'sales-order:s:2', doctype: 'Sales Order', docstatus: 2, revision: null };
    const found = (entries: Array<[string, FoundDocument]>) => new Map(entries);
    const kinds = (held: Array<[string, FoundDocument]>) => orderDrift([so, gone], found(held)).map((f) => f.kind);
    expect(kinds([])).toEqual(['missing', 'missing']);
    expect(kinds([[so.key, { name: 'SO-1', docstatus: 1, digest: 'aaaa' }], [gone.key, { name: 'SO-2', docstatus: 2, digest: null }]])).toEqual([]);
    expect(kinds([[so.key, { name: 'SO-1', docstatus: 1, digest: 'bbbb' }], [gone.key, { name: 'SO-2', docstatus: 1, digest: null }]])).toEqual(['content_differs', 'not_cancelled']);
    expect(kinds([[so.key, { name: 'SO-1', docstatus: 2, digest: 'aaaa' }], [gone.key, { name: 'SO-2', docstatus: 2, digest: null }]])).toEqual(['cancelled']);
    expect(kinds([[so.key, { name: 'SO-1', docstatus: 0, digest: 'aaaa' }], [gone.key, { name: 'SO-2', docstatus: 2, digest: null }]])).toEqual(['not_submitted']);
    expect(describeDrift({ key: so.key, doctype: 'Sales Order', name: 'SO-1', kind: 'cancelled' })).toBe('Sales Order SO-1 was cancelled in ERPNext although Shopify still holds it');
  });
});
