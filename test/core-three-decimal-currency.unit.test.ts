import { EMPTY_CONTEXT, currencyExponent, parseCents, planEvent, type EnsureDocumentOperation, type EnsureMappedDocumentOperation, type Plan } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

const KWD_SETTINGS = { ...MAPPED_SETTINGS, companyCurrency: 'KWD' };
const money = (amount: string, currency = 'KWD') => ({ shop_money: { amount, currency_code: currency }, presentment_money: { amount, currency_code: currency } });

/** A KWD order as Shopify states it: fils, three decimals (2 × 12.345 + 7.250 − 1.234 + 1.500 shipping = 32.206). */
function kwdOrder(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 4500,
    admin_graphql_api_id: 'gid://shopify/Order/4500',
    name: '#4500',
    created_at: '2026-11-27T10:00:00+03:00',
    updated_at: '2026-11-27T10:05:00+03:00',
    currency: 'KWD',
    financial_status: 'paid',
    taxes_included: false,
    customer: null,
    line_items: [
      { admin_graphql_api_id: 'gid://shopify/LineItem/1', sku: 'SKU-1001', title: 'Oud', quantity: 2, price: '12.345', price_set: money('12.345'), discount_allocations: [{ amount: '1.234', amount_set: money('1.234') }], tax_lines: [] },
      { admin_graphql_api_id: 'gid://shopify/LineItem/2', sku: 'SKU-1002', title: 'Bakhoor', quantity: 1, price: '7.250', price_set: money('7.250'), discount_allocations: [], tax_lines: [] },
    ],
    shipping_lines: [{ title: 'Aramex', price: '1.500', discounted_price: '1.500', discounted_price_set: money('1.500'), tax_lines: [] }],
    total_price: '32.206',
    total_price_set: money('32.206'),
    total_tax: '0.000',
    payment_gateway_names: ['shopify_payments'],
    ...extra,
  };
}

const plan = (topic: string, payload: unknown, latestSnapshot: unknown = null): Plan => planEvent({ shop: SHOP, topic, payload }, KWD_SETTINGS, { ...EMPTY_CONTEXT, latestSnapshot });
const salesOrder = (p: Plan) => p.operations.find((op) => op.key.startsWith('sales-order:')) as EnsureDocumentOperation;
const mapped = (p: Plan, prefix: string) => p.operations.find((op) => op.key.startsWith(prefix)) as EnsureMappedDocumentOperation;

describe('three-decimal currencies are booked exactly, in their own minor units', () => {
  test('amounts are read in the currency’s ISO 4217 decimals: fils for KWD, whole yen for JPY', () => {
    expect([currencyExponent('KWD'), currencyExponent('bhd'), currencyExponent('TND'), currencyExponent('JPY'), currencyExponent('USD')]).toEqual([3, 3, 3, 0, 2]);
    expect(parseCents('12.345', 3)).toBe(12345);
    expect(parseCents('12.3456', 3)).toBeNull();
    expect(parseCents('7.25', 3)).toBe(7250);
    expect(parseCents('1000.00', 0)).toBe(1000);
    expect(parseCents('1000.50', 0)).toBeNull();
    expect(parseCents('30.0')).toBe(3000);
  });

  test('a KWD order is booked to the fils: rates, discount and shipping keep three decimals, the total is 32.206', () => {
    const result = plan('orders/paid', kwdOrder());
    expect(result.failure).toBeNull();
    const so = salesOrder(result).doc;
    expect(so.currency).toBe('KWD');
    expect((so.items as Array<{ rate: number }>).map((item) => item.rate)).toEqual([12.345, 7.25]);
    expect(so.discount_amount).toBe(1.234);
    expect((so.taxes as Array<{ account_head: string; tax_amount: number }>).map((row) => [row.account_head, row.tax_amount])).toEqual([['Freight and Forwarding Charges - SD', 1.5]]);
  });

  test('its refund and its payment keep the fils too: credit note 11.728, Payment Entry 32.206', () => {
    const refund = {
      admin_graphql_api_id: 'gid://shopify/Refund/61',
      created_at: '2026-11-28T09:00:00+03:00',
      refund_line_items: [{ quantity: 1, restock_type: 'no_restock', line_item: { admin_graphql_api_id: 'gid://shopify/LineItem/1' }, subtotal_set: money('11.728'), total_tax_set: money('0.000') }],
      transactions: [{ admin_graphql_api_id: 'gid://shopify/OrderTransaction/81', kind: 'refund', status: 'success', gateway: 'shopify_payments', amount: '11.728', currency: 'KWD' }],
    };
    const note = mapped(plan('orders/updated', kwdOrder({ financial_status: 'partially_refunded', refunds: [refund] })), 'credit-note:');
    expect(note.set.discount_amount).toBe(-0.617);
    const sale = { admin_graphql_api_id: 'gid://shopify/OrderTransaction/80', order_id: 4500, kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: '32.206', currency: 'KWD', created_at: '2026-11-27T10:00:00+03:00' };
    const payment = mapped(plan('order_transactions/create', sale, kwdOrder()), 'payment-entry:');
    expect(payment.args.party_amount).toBe(32.206);
  });
});
