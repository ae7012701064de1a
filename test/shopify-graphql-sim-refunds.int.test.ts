import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { parseAmountToCents } from '../packages/simulators/src/shopify/money';
import { fakeTime } from './support/shopify-graphql-time';

// Order.refunds in the simulator's Admin API: each refund with its lines, shipping, adjustments and
// transactions, and the order's refunded totals — the same amounts its REST refund and order payloads
// print (refund-payload.ts, order-payload.ts), so a backfill reading GraphQL books what webhooks book.

const MONEY = 'shopMoney { amount currencyCode }';
const REFUNDS = `query($id: ID!) { order(id: $id) {
  displayFinancialStatus refundable
  totalRefundedSet { ${MONEY} } totalRefundedShippingSet { ${MONEY} } currentTotalPriceSet { ${MONEY} } currentSubtotalPriceSet { ${MONEY} } currentTotalTaxSet { ${MONEY} }
  lineItems(first: 10) { nodes { id currentQuantity } }
  refunds(first: 3) {
    id legacyResourceId createdAt note totalRefundedSet { ${MONEY} }
    refundLineItems(first: 5) { pageInfo { hasNextPage } nodes { id quantity restockType restocked location { id } lineItem { id } priceSet { ${MONEY} } subtotalSet { ${MONEY} } totalTaxSet { ${MONEY} } } }
    refundShippingLines(first: 2) { nodes { id shippingLine { id } subtotalAmountSet { ${MONEY} } taxAmountSet { ${MONEY} } } }
    orderAdjustments(first: 2) { pageInfo { hasNextPage } nodes { id } }
    transactions(first: 2) { nodes { id kind status gateway amountSet { ${MONEY} } } }
  }
} }`;

type Money = { shopMoney: { amount: string } };
const cents = (value: Money | string) => parseAmountToCents(typeof value === 'string' ? value : value.shopMoney.amount);
const restCents = (set: { shop_money: { amount: string } }) => parseAmountToCents(set.shop_money.amount);

interface RefundNode {
  id: string;
  legacyResourceId: string;
  createdAt: string;
  note: string | null;
  totalRefundedSet: Money;
  refundLineItems: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ id: string; quantity: number; restockType: string; restocked: boolean; location: null; lineItem: { id: string }; priceSet: Money; subtotalSet: Money; totalTaxSet: Money }> };
  refundShippingLines: { nodes: Array<{ id: string; shippingLine: { id: string }; subtotalAmountSet: Money; taxAmountSet: Money }> };
  orderAdjustments: { pageInfo: { hasNextPage: boolean }; nodes: unknown[] };
  transactions: { nodes: Array<{ id: string; kind: string; status: string; gateway: string; amountSet: Money }> };
}
interface OrderNode {
  displayFinancialStatus: string;
  refundable: boolean;
  totalRefundedSet: Money;
  totalRefundedShippingSet: Money;
  currentTotalPriceSet: Money;
  currentSubtotalPriceSet: Money;
  currentTotalTaxSet: Money;
  lineItems: { nodes: Array<{ id: string; currentQuantity: number }> };
  refunds: RefundNode[];
}

let sim: ShopifySimulator;
beforeEach(() => {
  sim = createShopifySimulator({ seed: 23, now: fakeTime().now });
});
afterEach(async () => {
  await sim.close();
});

async function orderNode(gid: string): Promise<OrderNode> {
  const reply = (await sim.graphql.execute({ query: REFUNDS, variables: { id: gid } })).body as { data: { order: OrderNode }; errors?: unknown };
  expect(reply.errors).toBeUndefined();
  return reply.data.order;
}

it('an order without refunds has none, refunds nothing, and can be refunded', async () => {
  const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001' }] });
  const node = await orderNode(order.admin_graphql_api_id);
  expect(node).toMatchObject({ refundable: true, refunds: [], totalRefundedSet: { shopMoney: { amount: '0.0' } }, totalRefundedShippingSet: { shopMoney: { amount: '0.0' } } });
  expect(cents(node.currentTotalPriceSet)).toBe(cents(order.total_price));
});

it('a refund reads like its REST payload: lines, shipping, transaction and the order totals, to the cent', async () => {
  const created = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002' }], discount: { code: 'TEN', percentage: 10 } });
  const after = sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }], shipping: true, restockType: 'cancel', note: 'wrong size' });
  const rest = after.refunds[0] as {
    id: number;
    note: string;
    refund_line_items: Array<{ id: number; quantity: number; line_item_id: number; restock_type: string; subtotal_set: { shop_money: { amount: string } }; total_tax_set: { shop_money: { amount: string } } }>;
    refund_shipping_lines: Array<{ id: number; shipping_line_id: number; subtotal_amount_set: { shop_money: { amount: string } }; tax_amount_set: { shop_money: { amount: string } } }>;
    transactions: Array<{ id: number; gateway: string; amount: string }>;
  };
  const order = await orderNode(created.admin_graphql_api_id);
  const [refund] = order.refunds;
  if (refund === undefined) throw new Error('no refund');
  expect(refund).toMatchObject({ id: `gid://shopify/Refund/${rest.id}`, legacyResourceId: String(rest.id), note: 'wrong size', createdAt: expect.stringMatching(/Z$/) });
  expect(refund.refundLineItems.pageInfo.hasNextPage).toBe(false);
  expect(
    refund.refundLineItems.nodes.map((line) => ({ id: line.id, quantity: line.quantity, restockType: line.restockType, restocked: line.restocked, location: line.location, lineItem: line.lineItem.id, subtotal: cents(line.subtotalSet), tax: cents(line.totalTaxSet) })),
  ).toEqual(
    rest.refund_line_items.map((line) => ({ id: `gid://shopify/RefundLineItem/${line.id}`, quantity: line.quantity, restockType: 'CANCEL', restocked: true, location: null, lineItem: `gid://shopify/LineItem/${line.line_item_id}`, subtotal: restCents(line.subtotal_set), tax: restCents(line.total_tax_set) })),
  );
  expect(cents(refund.refundLineItems.nodes[0]!.priceSet)).toBe(parseAmountToCents('19.99'));
  expect(refund.refundShippingLines.nodes.map((line) => [line.shippingLine.id, cents(line.subtotalAmountSet), cents(line.taxAmountSet)])).toEqual(
    rest.refund_shipping_lines.map((line) => [`gid://shopify/ShippingLine/${line.shipping_line_id}`, restCents(line.subtotal_amount_set), restCents(line.tax_amount_set)]),
  );
  expect(refund.orderAdjustments).toEqual({ pageInfo: { hasNextPage: false }, nodes: [] });
  const [restTransaction] = rest.transactions;
  expect(refund.transactions.nodes).toEqual([{ id: `gid://shopify/OrderTransaction/${restTransaction?.id}`, kind: 'REFUND', status: 'SUCCESS', gateway: restTransaction?.gateway, amountSet: expect.anything() }]);
  expect(cents(refund.totalRefundedSet)).toBe(parseAmountToCents(restTransaction!.amount));
  expect(order).toMatchObject({ displayFinancialStatus: 'PARTIALLY_REFUNDED', refundable: true });
  expect(cents(order.totalRefundedSet)).toBe(parseAmountToCents(restTransaction!.amount));
  expect(cents(order.totalRefundedShippingSet)).toBe(rest.refund_shipping_lines.reduce((sum, line) => sum + restCents(line.subtotal_amount_set), 0));
  expect([cents(order.currentTotalPriceSet), cents(order.currentSubtotalPriceSet), cents(order.currentTotalTaxSet)]).toEqual([cents(after.current_total_price), cents(after.current_subtotal_price), cents(after.current_total_tax)]);
  expect(order.lineItems.nodes.map((line) => line.currentQuantity)).toEqual(after.line_items.map((line) => line.current_quantity));
});

it('a fully refunded order lists every refund in order and can be refunded no more', async () => {
  const created = sim.driver.createOrder({ lines: [{ sku: 'SKU-1004', quantity: 2 }] });
  sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1004', quantity: 1 }] });
  const after = sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1004', quantity: 1 }], shipping: true, restockType: 'no_restock' });
  const order = await orderNode(created.admin_graphql_api_id);
  expect(order.refunds.map((refund) => refund.legacyResourceId)).toEqual(after.refunds.map((refund) => String((refund as { id: number }).id)));
  expect(order.refunds.map((refund) => refund.refundLineItems.nodes.map((line) => line.restockType))).toEqual([['RETURN'], ['NO_RESTOCK']]);
  expect(order.refunds.map((refund) => refund.refundShippingLines.nodes.length)).toEqual([0, 1]);
  expect(order).toMatchObject({ displayFinancialStatus: 'REFUNDED', refundable: false });
  expect(cents(order.currentTotalPriceSet)).toBe(cents(after.current_total_price));
  expect(order.lineItems.nodes.map((line) => line.currentQuantity)).toEqual([0]);
});
