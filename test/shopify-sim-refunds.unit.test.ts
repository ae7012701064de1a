import { planEvent } from '@shopsync/core';
import { createShopifySimulator } from '@shopsync/simulators';
import { MAPPED_SETTINGS } from './support/order-fixtures';
import { parseAmountToCents } from '../packages/simulators/src/shopify/money';
import { documentedSample, inferredSchema, keyShapeDiff } from './support/shopify-payload-shape';

const cents = (amount: string) => parseAmountToCents(amount);

describe('Shopify simulator refunds', () => {
  function refunded() {
    const sim = createShopifySimulator({ seed: 9, now: () => new Date('2026-11-27T15:00:00Z') });
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    const after = sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }], shipping: true });
    return { sim, order, after, refund: after.refunds[0] as Record<string, unknown> };
  }

  test('the refund has the documented refunds/create key set, recursively', () => {
    const { refund } = refunded();
    const diff = keyShapeDiff(JSON.parse(JSON.stringify(refund)) as unknown, documentedSample('2026-07', 'refunds/create'), inferredSchema('2026-07', 'refunds/create'));
    // The sample's refund_shipping_lines is empty, so no document fixes its entries' keys; ours follow
    // the REST RefundShippingLine (id, shipping_line_id, subtotal_amount_set, tax_amount_set).
    expect(diff).toEqual(["$.refund_shipping_lines[0]: neither the sample nor the inferred schema documents this entry's keys"]);
  });

  test('money adds up: the transaction equals lines (after their discount share) + tax + shipping, and current totals drop by it', () => {
    const { order, after, refund } = refunded();
    const lines = refund.refund_line_items as Array<{ subtotal_set: { shop_money: { amount: string } }; total_tax_set: { shop_money: { amount: string } } }>;
    const shipping = refund.refund_shipping_lines as Array<{ subtotal_amount_set: { shop_money: { amount: string } }; tax_amount_set: { shop_money: { amount: string } } }>;
    const expected =
      lines.reduce((sum, line) => sum + cents(line.subtotal_set.shop_money.amount) + cents(line.total_tax_set.shop_money.amount), 0) +
      shipping.reduce((sum, line) => sum + cents(line.subtotal_amount_set.shop_money.amount) + cents(line.tax_amount_set.shop_money.amount), 0);
    const [transaction] = refund.transactions as Array<{ amount: string; kind: string; status: string }>;
    expect(transaction).toMatchObject({ kind: 'refund', status: 'success' });
    expect(cents(transaction!.amount)).toBe(expected);
    expect(cents(after.current_total_price)).toBe(cents(order.total_price) - expected);
    expect(after.financial_status).toBe('partially_refunded');
  });

  test('refunding everything left makes the order refunded; refunding more than bought is refused', () => {
    const { sim, order } = refunded();
    expect(() => sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 3 }] })).toThrow('Quantity cannot refund more items than were purchased (3 of SKU-1001 asked, 2 left)');
    const after = sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002' }] });
    expect(after.financial_status).toBe('refunded');
    expect(cents(after.current_total_price)).toBe(0);
  });
});

describe('Shopify simulator refunds of a shop whose prices include tax', () => {
  test('the money back is the line subtotals (which hold their tax) and gross shipping; core books a credit note of exactly that', () => {
    const sim = createShopifySimulator({ seed: 11, taxesIncluded: true, taxRate: 0.19, taxTitle: 'MwSt 19%', taxShipping: true, now: () => new Date('2026-11-27T15:00:00Z') });
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }] });
    const after = sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }], shipping: true });
    const refund = after.refunds[0] as { transactions: Array<{ amount: string }>; refund_line_items: Array<{ subtotal: string }> };
    const unitGross = cents(order.line_items.find((line) => line.sku === 'SKU-1001')!.price);
    const shippingGross = order.shipping_lines.reduce((sum, line) => sum + cents(line.price), 0);
    // Before: subtotal + its tax again, and gross shipping + its tax again — more than the customer paid.
    expect(cents(refund.transactions[0]!.amount)).toBe(unitGross + shippingGross);
    const plan = planEvent({ shop: sim.shop.domain, topic: 'orders/updated', payload: after }, { ...MAPPED_SETTINGS, taxAccounts: { 'MwSt 19%': 'VAT - SD' } }, { appliedVersion: null, latestSnapshot: null });
    expect(plan.failure).toBeNull();
  });
});

describe('Shopify simulator order transactions', () => {
  test('a paid checkout, a later capture and a refund each send order_transactions/create with the documented key set', async () => {
    const sim = createShopifySimulator({ seed: 9, now: () => new Date('2026-11-27T15:00:00Z') });
    const bodies: unknown[] = [];
    sim.webhooks.subscribe({ topic: 'order_transactions/create', address: 'http://127.0.0.1:9/never' });
    const paid = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const pending = sim.driver.createOrder({ lines: [{ sku: 'SKU-1002', quantity: 1 }], financialStatus: 'pending' });
    sim.driver.payOrder(pending.id);
    sim.driver.refundOrder(paid.id, { lines: [{ sku: 'SKU-1001' }] });
    for (const delivery of sim.webhooks.deliveries()) bodies.push(JSON.parse(delivery.body.toString()));
    const kinds = bodies.map((body) => (body as { kind: string; order_id: number }).kind);
    expect(kinds).toEqual(['sale', 'sale', 'refund']);
    for (const body of bodies) expect(keyShapeDiff(body, documentedSample('2026-07', 'order_transactions/create'), inferredSchema('2026-07', 'order_transactions/create'))).toEqual([]);
    await sim.close();
  });
});
