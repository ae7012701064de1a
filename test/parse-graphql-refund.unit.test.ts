import { orderWebhookBody, parseGraphqlOrder, parseOrder, type GraphqlOrder } from '@shopsync/core';
import type { MoneyBag, OrderRefund, OrderTransaction } from '@shopsync/shopify-client';

// What the simulator never produces, read by the core's GraphQL adapter and stored as the webhook
// body the REST parser reads back: an order adjustment (a refund discrepancy) and a refund with a
// failed attempt before the successful one. Typed as the client's OrderRefund: the client's types
// satisfy the adapter's structural input.

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

const order: GraphqlOrder = {
  id: 'gid://shopify/Order/70',
  name: '#1070',
  createdAt: '2026-11-28T14:00:00Z',
  updatedAt: '2026-11-28T15:00:00Z',
  cancelledAt: null,
  cancelReason: null,
  test: false,
  displayFinancialStatus: 'PARTIALLY_REFUNDED',
  displayFulfillmentStatus: 'UNFULFILLED',
  currencyCode: 'USD',
  presentmentCurrencyCode: 'USD',
  taxesIncluded: false,
  paymentGatewayNames: ['shopify_payments'],
  customer: null,
  totalPriceSet: money('0.00'),
  currentTotalPriceSet: money('0.00'),
  totalTaxSet: null,
  totalOutstandingSet: money('0.00'),
  shippingLines: { nodes: [] },
  lineItems: [],
  refunds: [refund],
  transactions: [],
};

test('every part of a refund reads to what parse-refund reads, in shop-local time, and back from the stored body', () => {
  const parsed = parseGraphqlOrder(order, 'America/New_York');
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
  const stored = parseOrder(JSON.parse(JSON.stringify(orderWebhookBody(parsed.value))) as unknown);
  if (!stored.ok) throw new Error(stored.issues.join('; '));
  expect(stored.value).toEqual(parsed.value);
});

test('an amount the REST parser would refuse is refused the same way, named by its GraphQL path', () => {
  const bad: GraphqlOrder = { ...order, refunds: [{ ...refund, refundLineItems: page([{ ...refund.refundLineItems.nodes[0]!, subtotalSet: money('20.005') }]) }] };
  expect(parseGraphqlOrder(bad, 'America/New_York')).toEqual({ ok: false, issues: ['refunds[0]: refundLineItems[0].subtotalSet.shopMoney.amount is not an exact amount in USD (2 decimals): "20.005"'] });
});
