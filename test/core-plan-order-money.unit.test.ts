import { EMPTY_CONTEXT, planEvent, type EnsureDocumentOperation, type InboundEvent } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { given } from './support/plan-spec';
import { refundPayload } from './support/refund-fixtures';

// Issue 11 point 4: absurd money was booked silently (a 1e308 price went out as rate null and ERPNext
// booked the price-list rate), and a negative price came back from ERPNext as "Data missing in table:
// Items". Each is now an unreadable payload whose sentence names the field and the value.

type Json = Record<string, unknown>;
const order = simulatedOrder();
const lines = order.line_items as Json[];
const withFirstLine = (patch: Json): Json => ({ ...order, line_items: [{ ...lines[0]!, ...patch }, ...lines.slice(1)] });
const set = (amount: unknown) => ({ shop_money: { amount, currency_code: 'USD' }, presentment_money: { amount, currency_code: 'USD' } });
const created = (payload: unknown): InboundEvent => ({ shop: SHOP, topic: 'orders/create', payload });
const failsWith = (payload: unknown) => given(MAPPED_SETTINGS).when(created(payload)).thenFails('payload.invalid');

describe('money that cannot be booked exactly is refused up front, naming the field and the value', () => {
  test('a price of 1e308 (JSON number) is refused, not booked as Infinity', () => {
    const { price_set: _set, ...line } = lines[0]!;
    const sentence = failsWith({ ...order, line_items: [{ ...line, price: 1e308 }, ...lines.slice(1)] });
    expect(sentence).toMatch(/^Order #1001 could not be read/);
    expect(sentence).toContain('line_items[0].price is larger than ERPNext can store (12 integer digits): 1e+308');
  });

  test('1e308 in the money set is refused the same way, naming the set', () => {
    expect(failsWith(withFirstLine({ price: 1e308, price_set: set(1e308) }))).toContain('line_items[0].price_set.shop_money.amount is larger than ERPNext can store (12 integer digits): 1e+308');
  });

  test('"99999999999999999999.99" is refused, not booked as 1e20 with its cents lost', () => {
    const huge = '99999999999999999999.99';
    expect(failsWith(withFirstLine({ price: huge, price_set: set(huge) }))).toContain(`line_items[0].price_set.shop_money.amount is larger than ERPNext can store (12 integer digits): "${huge}"`);
  });

  test('a JSON number with more decimals than the currency is refused as inexact', () => {
    const { price_set: _set, ...line } = lines[0]!;
    expect(failsWith({ ...order, line_items: [{ ...line, price: 12.755 }, ...lines.slice(1)] })).toContain('line_items[0].price is not an exact amount in USD (2 decimals): 12.755');
  });

  test('a JSON number that is exactly a price still books: 12.75 as a number is the same order', () => {
    const { price_set: _set, ...line } = lines[0]!;
    const plan = planEvent(created({ ...order, line_items: [{ ...line, price: 12.75 }, ...lines.slice(1)] }), MAPPED_SETTINGS, EMPTY_CONTEXT);
    expect(plan.failure).toBeNull();
    const so = plan.operations.find((op) => op.doctype === 'Sales Order') as EnsureDocumentOperation;
    expect((so.doc.items as Array<{ rate: number }>)[0]!.rate).toBe(12.75);
  });

  test('a negative line price is refused before ERPNext reports "Data missing in table: Items"', () => {
    expect(failsWith(withFirstLine({ price: '-12.75', price_set: set('-12.75') }))).toContain('line_items[0].price_set.shop_money.amount is below zero: "-12.75"');
  });

  test('a negative quantity is named as below zero, not as "not a whole number"', () => {
    expect(failsWith(withFirstLine({ quantity: -3 }))).toContain('line_items[0].quantity is below zero: -3');
    expect(failsWith(withFirstLine({ quantity: 1e308 }))).toContain('line_items[0].quantity is not a whole number');
  });

  test('a line whose amount (quantity × price) passes the ceiling is refused', () => {
    const price = '999999999999.00';
    expect(failsWith(withFirstLine({ price, price_set: set(price) }))).toContain('line_items[0] amounts to more than ERPNext can store (12 integer digits): 3 × 999999999999.00');
  });

  test('a negative order total is refused', () => {
    expect(failsWith({ ...order, total_price: '-283.52', total_price_set: set('-283.52') })).toContain('total_price_set.shop_money.amount is below zero: "-283.52"');
  });

  test('an absurd optional amount (total_tax) is refused, not read as zero', () => {
    const { total_tax_set: _set, ...rest } = order;
    expect(failsWith({ ...rest, total_tax: 1e308 })).toContain('total_tax is larger than ERPNext can store (12 integer digits): 1e+308');
    expect(failsWith({ ...rest, total_tax: 'Infinity' })).toContain('total_tax is not an exact amount in USD (2 decimals): "Infinity"');
  });

  test('a refund transaction of 1e308 is refused, naming the refund and the transaction', () => {
    const refund = refundPayload(order, '61', [{ index: 0, quantity: 1 }]);
    const transactions = refund.transactions as Json[];
    const payload = { ...order, financial_status: 'partially_refunded', refunds: [{ ...refund, transactions: [{ ...transactions[0]!, amount: 1e308 }] }] };
    const sentence = given(MAPPED_SETTINGS).when({ shop: SHOP, topic: 'orders/updated', payload }).thenFails('payload.invalid');
    expect(sentence).toContain('refunds[0]: transactions[0].amount is larger than ERPNext can store (12 integer digits): 1e+308');
  });

  test('a refund discrepancy keeps its negative sign: order adjustments are not held non-negative', () => {
    const refund = { ...refundPayload(order, '61', [{ index: 0, quantity: 1 }]), order_adjustments: [{ kind: 'refund_discrepancy', amount: '-2.00', tax_amount: '-0.16' }] };
    const plan = planEvent({ shop: SHOP, topic: 'refunds/create', payload: refund }, MAPPED_SETTINGS, EMPTY_CONTEXT);
    expect(plan.failure?.code).toBe('order.not_yet_seen');
  });

  test('a payment of "99999999999999999999.99" is refused, naming amount', () => {
    const payment = { admin_graphql_api_id: 'gid://shopify/OrderTransaction/9', order_id: order.id, kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: '99999999999999999999.99', currency: 'USD' };
    const sentence = given(MAPPED_SETTINGS).when({ shop: SHOP, topic: 'order_transactions/create', payload: payment }).thenFails('payload.invalid');
    expect(sentence).toContain('amount is larger than ERPNext can store (12 integer digits): "99999999999999999999.99"');
  });
});
