import { EMPTY_CONTEXT, describeFailure, planEvent, type EnsureMappedDocumentOperation, type Plan, type SyncSettings } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { refundPayload } from './support/refund-fixtures';

const paidOrder = () => simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
const planOf = (topic: string, payload: unknown, latestSnapshot: unknown = null): Plan => planEvent({ shop: SHOP, topic, payload }, MAPPED_SETTINGS, { ...EMPTY_CONTEXT, latestSnapshot });
const creditNote = (plan: Plan) => plan.operations.find((op) => op.key.startsWith('credit-note:')) as EnsureMappedDocumentOperation | undefined;

describe('refunds become credit notes for exactly the refunded lines, plus the refund payment', () => {
  test('an order carrying a refund plans a return of the invoice cut to that line and quantity', () => {
    const order = paidOrder();
    const refund = refundPayload(order, '901', [{ index: 0, quantity: 1 }]);
    const plan = planOf('orders/updated', { ...order, financial_status: 'partially_refunded', refunds: [refund] });
    expect(plan.operations.map((op) => op.key.split(':')[0])).toEqual(['customer', 'sales-order', 'sales-invoice', 'credit-note', 'refund-payment']);
    const note = creditNote(plan)!;
    expect(note.method).toBe('erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return');
    const lineId = String((order.line_items as Array<{ admin_graphql_api_id: string }>)[0]!.admin_graphql_api_id).split('/').pop();
    expect(note.tableEdits).toEqual([{ table: 'items', matchField: 'shopify_line_item_id', rows: [{ match: lineId, set: { qty: -1 } }], dropUnmatched: true }]);
    expect(Number(note.set.discount_amount)).toBeLessThan(0);
  });

  test('refunds/create plans from the order’s latest state plus the refund, the same as the orders/updated that follows', () => {
    const order = paidOrder();
    const refund = refundPayload(order, '902', [{ index: 1, quantity: 1 }], { shipping: '5.00' });
    const viaRefund = planOf('refunds/create', refund, order);
    const viaOrder = planOf('orders/updated', { ...order, refunds: [refund] });
    expect(viaRefund.operations).toEqual(viaOrder.operations);
    expect((creditNote(viaRefund)!.set.taxes as Array<{ description: string }>).map((t) => t.description)).toContain('Shipping and adjustments refunded');
  });

  test('refunds/create before shopsync has seen the order waits (transient), it does not drop the refund', () => {
    const order = paidOrder();
    const plan = planOf('refunds/create', refundPayload(order, '903', [{ index: 0, quantity: 1 }]));
    expect(plan.failure).toMatchObject({ code: 'order.not_yet_seen', category: 'transient', retryable: true });
    expect(describeFailure(plan.failure!)).toContain('has refund 903, but the order itself has not reached shopsync yet');
  });

  test('a credit note that would not equal the refunded money is refused with both numbers', () => {
    const order = paidOrder();
    const refund = refundPayload(order, '904', [{ index: 0, quantity: 1 }]);
    (refund.transactions as Array<Record<string, unknown>>)[0]!.amount = '1.00';
    const plan = planOf('orders/updated', { ...order, refunds: [refund] });
    expect(plan.failure?.code).toBe('validation.refund_mismatch');
    expect(describeFailure(plan.failure!)).toMatch(/refund 904, whose credit note would total [\d.]+ in ERPNext but Shopify refunded 1/);
  });

  test('a refund of a line the order does not have is an invalid payload, not a guess', () => {
    const order = paidOrder();
    const refund = refundPayload(order, '905', [{ index: 0, quantity: 1 }]);
    ((refund.refund_line_items as Array<Record<string, unknown>>)[0]!.line_item as Record<string, unknown>).admin_graphql_api_id = 'gid://shopify/LineItem/1';
    expect(planOf('orders/updated', { ...order, refunds: [refund] }).failure?.code).toBe('payload.invalid');
  });

  test('restock per restock type: a returned, shipped unit comes back through a return Delivery Note only when Shopify ships', () => {
    const order = paidOrder();
    const line = (order.line_items as Array<{ id: number; admin_graphql_api_id: string }>)[0]!;
    const shipped = { ...order, fulfillments: [{ id: 41, admin_graphql_api_id: 'gid://shopify/Fulfillment/41', status: 'success', line_items: [{ id: line.id, admin_graphql_api_id: line.admin_graphql_api_id, quantity: 2 }] }] };
    const withRefund = (restockType: string) => ({ ...shipped, refunds: [refundPayload(order, '906', [{ index: 0, quantity: 1 }], { restockType })] });
    const shopifyShips: SyncSettings = { ...MAPPED_SETTINGS, fulfillmentAuthority: 'shopify' };
    const returns = (restockType: string, settings = shopifyShips) =>
      planEvent({ shop: SHOP, topic: 'orders/updated', payload: withRefund(restockType) }, settings, EMPTY_CONTEXT).operations.filter((op) => op.key.startsWith('delivery-return:'));
    const [back] = returns('return') as EnsureMappedDocumentOperation[];
    expect(back?.method).toBe('erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return');
    expect(back?.args).toEqual({ source_name: { $ref: `delivery-note:${SHOP}:41` } });
    expect(back?.tableEdits[0]?.rows).toEqual([{ match: line.admin_graphql_api_id.split('/').pop(), set: { qty: -1 } }]);
    expect(returns('cancel')).toEqual([]);
    expect(returns('no_restock')).toEqual([]);
    expect(returns('return', MAPPED_SETTINGS)).toEqual([]);
  });
});
