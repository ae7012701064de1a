import { parseOrder } from '@shopsync/core';
import { refundToRest } from '@shopsync/runner';
import type { MoneyBag, OrderRefund, OrderTransaction, ShopifyOrderDetail } from '@shopsync/shopify-client';

// What the simulator never produces, converted and read back by the core's parser: an order
// adjustment (a refund discrepancy) and a refund with a failed attempt before the successful one.

const money = (amount: string): MoneyBag => ({ shopMoney: { amount, currencyCode: 'USD' }, presentmentMoney: { amount, currencyCode: 'USD' } });
const page = <T>(nodes: T[]) => ({ nodes, pageInfo: { hasNextPage: false } });
const transaction = (id: number, status: string, amount: string): OrderTransaction => ({
  id: `gid://shopify/OrderTransaction/${id}`,
  kind: 'REFUND',
  status,
  gateway: 'shopify_payments',
  test: false,
  processedAt: '2026-11-28T15:00:00Z',
  createdAt: '2026-11-28T15:00:00Z',
  errorCode: null,
  amountSet: money(amount),
  parentTransaction: { id: 'gid://shopify/OrderTransaction/1' },
});

const refund: OrderRefund = {
  id: 'gid://shopify/Refund/900',
  legacyResourceId: '900',
  createdAt: '2026-11-28T15:00:00Z',
  processedAt: '2026-11-28T15:00:00Z',
  note: null,
  refundLineItems: page([{ id: 'gid://shopify/RefundLineItem/901', quantity: 1, restockType: 'LEGACY_RESTOCK', lineItem: { id: 'gid://shopify/LineItem/77' }, location: { id: 'gid://shopify/Location/5' }, subtotalSet: money('20.00'), totalTaxSet: money('1.60') }]),
  refundShippingLines: page([{ id: 'gid://shopify/RefundShippingLine/902', shippingLine: { id: 'gid://shopify/ShippingLine/3' }, subtotalAmountSet: money('5.00'), taxAmountSet: money('0.40') }]),
  orderAdjustments: page([{ id: 'gid://shopify/OrderAdjustment/903', reason: 'REFUND_DISCREPANCY', amountSet: money('-2.00'), taxAmountSet: money('-0.16') }]),
  transactions: page([transaction(904, 'FAILURE', '24.84'), transaction(905, 'SUCCESS', '24.84')]),
};
const order = { id: 'gid://shopify/Order/70', lineItems: [] } as unknown as ShopifyOrderDetail;

test('every part of a refund converts to what parse-refund reads, in shop-local time', () => {
  const rest = refundToRest(refund, order, 'America/New_York');
  expect(rest).toMatchObject({
    id: 900,
    order_id: 70,
    created_at: '2026-11-28T10:00:00-05:00',
    restock: true,
    refund_line_items: [{ id: 901, line_item_id: 77, location_id: 5, restock_type: 'legacy_restock', subtotal: 20, total_tax: 1.6, line_item: { id: 77, admin_graphql_api_id: 'gid://shopify/LineItem/77' } }],
    refund_shipping_lines: [{ id: 902, shipping_line_id: 3 }],
    order_adjustments: [{ id: 903, refund_id: 900, kind: 'refund_discrepancy', reason: 'refund_discrepancy', amount: '-2.00', tax_amount: '-0.16' }],
  });
  const parsed = parseOrder(JSON.parse(JSON.stringify({ admin_graphql_api_id: order.id, name: '#1070', created_at: rest.created_at, currency: 'USD', line_items: [], total_price: '0.00', refunds: [rest] })) as unknown);
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  expect(parsed.value.refunds).toEqual([
    {
      id: '900',
      createdAt: '2026-11-28T10:00:00-05:00',
      lines: [{ lineItemId: '77', quantity: 1, restockType: 'legacy_restock', subtotalCents: 2000, taxCents: 160 }],
      shippingCents: 500,
      shippingTaxCents: 40,
      adjustmentCents: -216,
      transactions: [{ id: '905', gateway: 'shopify_payments', amountCents: 2484 }],
    },
  ]);
});
