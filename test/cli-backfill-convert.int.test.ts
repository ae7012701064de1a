import { orderWebhookBody, planEvent, transactionWebhookBody, type Plan } from '@shopsync/core';
import { DEMO_MAPPING } from '@shopsync/demo';
import { orderFromRead, parseConfig, settingsFrom, type ReadOrder } from '@shopsync/runner';
import type { ShopifyOrderDetail } from '@shopsync/shopify-client';
import { startBackfillShop, type BackfillShop } from './support/backfill-shop';

// The Admin API read's promise: an order read through the Admin API, parsed by the core's GraphQL
// adapter and stored as the webhook body the inbox holds (what backfill enqueues, reconcile records
// and requeue plans), plans to exactly what the simulator's own webhook body for that order plans to.

const parsed = parseConfig({ shops: [{ domain: 'shopsync-demo.myshopify.com', webhookSecrets: ['s'] }], erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' }, store: { path: 'x' }, mapping: DEMO_MAPPING });
if (!parsed.ok) throw new Error(parsed.problems.join('; '));
const settings = settingsFrom(parsed.config);
const SHOP = 'shopsync-demo.myshopify.com';
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const plan = (topic: string, payload: unknown, latestSnapshot?: unknown): Plan => planEvent({ shop: SHOP, topic, payload: roundTrip(payload) }, settings, { appliedVersion: null, latestSnapshot });
const gidOf = (body: Record<string, unknown>) => String(body.admin_graphql_api_id);

describe('backfill: the Admin API order, parsed and stored, plans like its webhook', () => {
  let shop: BackfillShop;
  let timeZone: string;
  const latestBody = (orderGid: string, topics: readonly string[]) => topics.flatMap((topic) => shop.bodies(topic)).filter((body) => gidOf(body) === orderGid).sort((a, b) => String(a.updated_at).localeCompare(String(b.updated_at))).at(-1);

  beforeAll(async () => {
    shop = await startBackfillShop();
    timeZone = (await shop.client.shop()).ianaTimezone;
  });
  /** What the runner makes of the client's read (admin-read/read-order.ts); fails the test when it refuses it. */
  const readOf = (detail: ShopifyOrderDetail | null): ReadOrder => {
    if (detail === null) throw new Error('order not found');
    const read = orderFromRead(detail, timeZone, 'erpnext');
    if (!read.ok) throw new Error(read.reason);
    return read;
  };
  /** The webhook body backfill enqueues for the read (admin-read/inbox-deliveries.ts). */
  const storedBody = (detail: ShopifyOrderDetail | null) => orderWebhookBody(readOf(detail).order);
  afterAll(async () => {
    await shop.close();
  });

  test('a paid order with a new customer, two lines, shipping and tax: orders/create body and transaction', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1005' }] });
    await shop.drain();
    const [webhook] = shop.bodies('orders/create').filter((body) => gidOf(body) === created.admin_graphql_api_id);
    const detail = await shop.client.orders.get(created.admin_graphql_api_id);
    if (detail === null || webhook === undefined) throw new Error('order not found');
    const read = readOf(detail);
    const converted = orderWebhookBody(read.order);
    const expected = plan('orders/create', webhook);
    expect(expected.outcome).toBe('applied');
    expect(expected.operations.map((op) => op.doctype)).toEqual(expect.arrayContaining(['Customer', 'Sales Order', 'Sales Invoice']));
    expect(plan('orders/create', converted)).toEqual(expected);
    expect(plan('orders/updated', converted)).toEqual(plan('orders/updated', webhook));
    // Its payment comes from order_transactions/create: the converted transaction plans the same Payment Entry.
    const transactionBody = shop.bodies('order_transactions/create').find((body) => String(body.order_id) === String(created.id));
    const transaction = read.transactions.find((t) => t.id === String(transactionBody?.id));
    if (transactionBody === undefined || transaction === undefined) throw new Error('no transaction');
    const expectedPayment = plan('order_transactions/create', transactionBody, roundTrip(webhook));
    expect(expectedPayment.operations.map((op) => op.doctype)).toContain('Payment Entry');
    expect(plan('order_transactions/create', transactionWebhookBody(transaction, read.order.currency), roundTrip(converted))).toEqual(expectedPayment);
  });

  test('a guest checkout with a discount code, still pending', async () => {
    const created = shop.sim.driver.createOrder({ customer: null, lines: [{ sku: 'SKU-1003', quantity: 3 }], discount: { code: 'WELCOME10', percentage: 10 }, financialStatus: 'pending' });
    await shop.drain();
    const detail = await shop.client.orders.get(created.admin_graphql_api_id);
    const expected = plan('orders/create', latestBody(created.admin_graphql_api_id, ['orders/create']));
    expect(expected.operations.map((op) => op.doctype)).toEqual(['Customer', 'Sales Order']);
    expect(plan('orders/create', storedBody(detail))).toEqual(expected);
  });

  test('an authorized order, cancelled later: the latest webhook (orders/cancelled) is what it converts to', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1004' }], financialStatus: 'authorized' });
    shop.time.advance(60_000);
    shop.sim.driver.cancelOrder(created.id, { reason: 'customer' });
    await shop.drain();
    const detail = await shop.client.orders.get(created.admin_graphql_api_id);
    const webhook = latestBody(created.admin_graphql_api_id, ['orders/cancelled', 'orders/updated']);
    const expected = plan('orders/updated', webhook);
    expect(expected.operations.map((op) => op.kind)).toContain('cancel_document');
    expect(plan('orders/updated', storedBody(detail))).toEqual(expected);
  });

  test('an order edited before payment (a unit removed, a line added): the converted order plans the same edited Sales Order', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002' }], discount: { code: 'TEN', percentage: 10 }, financialStatus: 'pending' });
    shop.time.advance(60_000);
    shop.sim.driver.editOrder(created.id, { removals: [{ lineItemId: created.line_items[0]!.id, quantity: 1 }], additions: [{ sku: 'SKU-1003', quantity: 2 }] });
    await shop.drain();
    const detail = await shop.client.orders.get(created.admin_graphql_api_id);
    const expected = plan('orders/updated', latestBody(created.admin_graphql_api_id, ['orders/updated']));
    expect(expected.outcome).toBe('applied');
    const salesOrder = expected.operations.find((op) => op.doctype === 'Sales Order');
    expect(salesOrder?.kind === 'ensure_document' && (salesOrder.doc.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty])).toEqual([
      ['SKU-1001', 2],
      ['SKU-1002', 1],
      ['SKU-1003', 2],
    ]);
    expect(plan('orders/updated', storedBody(detail))).toEqual(expected);
  });

  test('an order placed at 23:30 in New York is booked on that day, not on the UTC date', async () => {
    shop.time.advance(Date.parse('2026-11-28T04:30:00Z') - shop.time.now().getTime());
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1002' }] });
    await shop.drain();
    const detail = await shop.client.orders.get(created.admin_graphql_api_id);
    const converted = storedBody(detail);
    expect(converted.created_at).toBe('2026-11-27T23:30:00-05:00');
    expect(plan('orders/create', converted)).toEqual(plan('orders/create', latestBody(created.admin_graphql_api_id, ['orders/create'])));
  });

  /** The converted order and its refunds plan like the simulator's latest orders/updated body and its refunds/create bodies. */
  async function expectRefundedOrderToPlanLikeItsWebhooks(orderGid: string, refundCount: number) {
    const detail = await shop.client.orders.get(orderGid);
    if (detail === null) throw new Error('order not found');
    const converted = orderWebhookBody(readOf(detail).order);
    const webhook = latestBody(orderGid, ['orders/updated']);
    const expected = plan('orders/updated', webhook);
    expect(expected.outcome).toBe('applied');
    expect(expected.operations.filter((op) => op.key.startsWith('credit-note:'))).toHaveLength(refundCount);
    expect(expected.operations.filter((op) => op.key.startsWith('refund-payment:'))).toHaveLength(refundCount);
    expect(plan('orders/updated', converted)).toEqual(expected);
    // refunds/create is planned on the order's latest state plus that refund: each converted refund,
    // on the converted order, plans like the webhook's refunds/create body on the webhook's order.
    const orderId = String(webhook?.id);
    const refundBodies = shop.bodies('refunds/create').filter((body) => String(body.order_id) === orderId);
    expect(refundBodies).toHaveLength(refundCount);
    expect(converted.refunds).toHaveLength(refundCount);
    refundBodies.forEach((body, index) => {
      const expectedRefund = plan('refunds/create', body, roundTrip(webhook));
      expect(expectedRefund.outcome).toBe('applied');
      expect(plan('refunds/create', converted.refunds[index], roundTrip(converted))).toEqual(expectedRefund);
    });
    return { detail, converted, webhook };
  }

  test('a paid order partly refunded (one unit of one line, and the shipping): the credit note and refund payment plan the same', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1006', quantity: 2 }, { sku: 'SKU-1001' }], discount: { code: 'TEN', percentage: 10 } });
    shop.time.advance(60_000);
    shop.sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1006', quantity: 1 }], shipping: true, restockType: 'no_restock', note: 'damaged' });
    await shop.drain();
    const { detail, converted, webhook } = await expectRefundedOrderToPlanLikeItsWebhooks(created.admin_graphql_api_id, 1);
    expect(detail.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
    // The refund's note and restock flag are not read by the planner, so the stored body does not hold them.
    expect(converted.refunds[0]).toMatchObject({ refund_line_items: [{ quantity: 1, restock_type: 'no_restock' }], refund_shipping_lines: [expect.anything()], order_adjustments: [] });
    expect(converted.line_items.map((line) => line.current_quantity)).toEqual((webhook?.line_items as Array<{ current_quantity: number }>).map((line) => line.current_quantity));
    expect(converted.current_total_price).toBe(webhook?.current_total_price);
  });

  test('a fully refunded order (two refunds, restocked): both credit notes plan the same', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1004', quantity: 3 }, { sku: 'SKU-1005' }] });
    shop.time.advance(60_000);
    shop.sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1004', quantity: 1 }] });
    shop.time.advance(60_000);
    shop.sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1004', quantity: 2 }, { sku: 'SKU-1005' }], shipping: true, restockType: 'return' });
    await shop.drain();
    const { detail, converted } = await expectRefundedOrderToPlanLikeItsWebhooks(created.admin_graphql_api_id, 2);
    expect(detail.displayFinancialStatus).toBe('REFUNDED');
    expect(converted.line_items.map((line) => line.current_quantity)).toEqual([0, 0]);
    expect(converted.financial_status).toBe('refunded');
  });
});
