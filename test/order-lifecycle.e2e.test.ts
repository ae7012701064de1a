import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled'];

describe('order lifecycle over real HTTP, every webhook delivered twice', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 1 });
    for (const topic of TOPICS) harness.shopify.webhooks.subscribe({ topic, address: harness.primary.webhookUrl });
  });
  afterEach(async () => harness.stop());

  async function settle() {
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
  }

  const forOrder = (doctype: string, id: number) => harness.erp.docs(doctype).filter((doc) => doc.shopify_order_id === String(id));

  test('a paid checkout becomes one Sales Order, one Sales Invoice and one Payment Entry whose totals equal Shopify’s', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new', discount: { code: 'TEN', percentage: 10 } });
    await settle();
    const [salesOrder] = forOrder('Sales Order', order.id);
    const [invoice] = forOrder('Sales Invoice', order.id);
    expect([forOrder('Sales Order', order.id).length, forOrder('Sales Invoice', order.id).length, forOrder('Payment Entry', order.id).length]).toEqual([1, 1, 1]);
    expect(salesOrder?.grand_total).toBeCloseTo(Number(order.total_price), 2);
    expect(invoice).toMatchObject({ docstatus: 1, outstanding_amount: 0 });
    expect(await harness.primary.store.counts()).toMatchObject({ byStatus: { applied: 2 } });
  });

  test('pending, then paid later: the invoice and payment arrive with orders/paid', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await settle();
    expect(forOrder('Sales Invoice', order.id)).toHaveLength(0);
    harness.shopify.driver.payOrder(order.id);
    await settle();
    expect([forOrder('Sales Invoice', order.id).length, forOrder('Payment Entry', order.id).length]).toEqual([1, 1]);
  });

  test('cancelling an unpaid order cancels its Sales Order', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await settle();
    harness.shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await settle();
    expect(forOrder('Sales Order', order.id).map((doc) => [doc.docstatus, doc.status])).toEqual([[2, 'Cancelled']]);
  });

  test('cancelling a paid order parks a conflict that names the invoice blocking it', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new' });
    await settle();
    harness.shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await settle();
    const failures = await harness.primary.store.failures({ status: 'open' });
    // orders/cancelled and orders/updated both meet the blocker: one open failure, two occurrences.
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'conflict.cancel_blocked', category: 'conflict', occurrences: 2 });
    expect(failures[0]?.message).toMatch(/Sales Invoice/);
    expect(forOrder('Sales Order', order.id)).toHaveLength(1);
  });
});
