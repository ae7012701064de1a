import { EMPTY_CONTEXT, describeFailure, planEvent, type EnsureMappedDocumentOperation, type Plan } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';

const order = simulatedOrder();
const orderId = String(order.admin_graphql_api_id).split('/').pop()!;

function transaction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 73001, admin_graphql_api_id: 'gid://shopify/OrderTransaction/73001', order_id: Number(orderId), kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: order.total_price, created_at: '2026-11-27T10:05:00-05:00', ...overrides };
}
const planOf = (payload: unknown, latestSnapshot: unknown = order, settings = MAPPED_SETTINGS): Plan =>
  planEvent({ shop: SHOP, topic: 'order_transactions/create', payload }, settings, { ...EMPTY_CONTEXT, latestSnapshot });
const paymentOf = (plan: Plan) => plan.operations.find((op) => op.doctype === 'Payment Entry') as EnsureMappedDocumentOperation | undefined;

describe('one Payment Entry per Shopify transaction', () => {
  test('a successful sale pays the invoice for that amount, keyed by the transaction id', () => {
    const payment = paymentOf(planOf(transaction()))!;
    expect(payment.key).toBe(`payment-entry:${SHOP}:73001`);
    expect(payment.args).toEqual({ dt: 'Sales Invoice', dn: { $ref: `sales-invoice:${SHOP}:${orderId}` }, party_amount: Number(order.total_price) });
    expect(payment.set).toMatchObject({ mode_of_payment: 'Credit Card', paid_to: 'Shopify Payments Clearing - SD' });
  });

  test('two partial captures are two Payment Entries, each for its own amount', () => {
    const partial = { ...order, financial_status: 'partially_paid' };
    const first = paymentOf(planOf(transaction({ kind: 'capture', amount: '10.00' }), partial))!;
    const second = paymentOf(planOf(transaction({ id: 73002, admin_graphql_api_id: 'gid://shopify/OrderTransaction/73002', kind: 'capture', amount: '5.50' }), partial))!;
    expect([first.key, first.args.party_amount, second.key, second.args.party_amount]).toEqual([`payment-entry:${SHOP}:73001`, 10, `payment-entry:${SHOP}:73002`, 5.5]);
  });

  test('authorizations, voids, refunds and failed attempts book nothing, and say why', () => {
    expect(planOf(transaction({ kind: 'authorization' }))).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('moves no money') });
    expect(planOf(transaction({ kind: 'refund' }))).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('credit note') });
    expect(planOf(transaction({ status: 'failure' }))).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('no money moved') });
  });

  test('a payment for an order shopsync has not seen, or still holds as unpaid, waits instead of booking an advance', () => {
    const unseen = planOf(transaction(), null).failure!;
    expect(unseen).toMatchObject({ code: 'order.not_yet_seen', retryable: true });
    // A payment is called a payment, not a refund (it read "has a refund" for every early payment).
    expect(describeFailure(unseen)).toMatch(/^Order id \d+ has payment 73001, but the order itself has not reached shopsync yet/);
    const waiting = planOf(transaction(), { ...order, financial_status: 'pending' });
    expect(waiting.failure).toMatchObject({ code: 'order.not_yet_paid', category: 'transient', retryable: true });
    expect(describeFailure(waiting.failure!)).toContain('has payment 73001, but shopsync still holds the order as unpaid');
  });

  test('with invoicing on fulfillment, a payment is an advance against the Sales Order', () => {
    const payment = paymentOf(planOf(transaction(), order, { ...MAPPED_SETTINGS, invoicePolicy: 'on_fulfilled' }))!;
    expect(payment.args.dt).toBe('Sales Order');
  });

  test('COD and manual payments are gateways like any other: mapped, or a mapping failure naming them', () => {
    expect(paymentOf(planOf(transaction({ gateway: 'Cash on Delivery (COD)' })))?.set.mode_of_payment).toBe('Cash');
    const failed = planOf(transaction({ gateway: 'paypal' }));
    expect(failed.failure?.code).toBe('mapping.gateway_unmapped');
    expect(describeFailure(failed.failure!)).toContain('gateway "paypal"');
  });

  test('a payment of an order that was cancelled is booked before the cancellation is attempted', () => {
    const cancelled = { ...order, cancelled_at: '2026-11-27T11:00:00-05:00' };
    const kinds = planOf(transaction(), cancelled).operations.map((op) => `${op.kind} ${op.doctype}`);
    expect(kinds.slice(-2)).toEqual(['ensure_mapped_document Payment Entry', 'cancel_document Sales Order']);
  });
});
