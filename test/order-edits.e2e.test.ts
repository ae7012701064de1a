import { useSubscribedHarness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

// No refunds/create: a refund then reaches shopsync only through the orders/updated that carries the
// edited order too, so booking its credit note proves a blocked edit does not hold the order back.
const TOPICS = ['orders/create', 'orders/updated', 'orders/edited', 'orders/paid', 'orders/cancelled', 'order_transactions/create'];

type Doc = Record<string, unknown>;
const items = (doc: Doc | undefined) => ((doc?.items ?? []) as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty]);

describe('orders edited in Shopify, over real HTTP, every webhook delivered twice', () => {
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS);

  const salesOrders = (id: number) => harness().erp.docs('Sales Order').filter((doc) => doc.shopify_order_id === String(id));
  const active = (id: number) => salesOrders(id).filter((doc) => doc.docstatus !== 2);

  test('an unpaid order edited in Shopify: its Sales Order is cancelled and amended to the new lines, and the invoice follows the amendment', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    await settle();
    const [original] = salesOrders(order.id);
    const edited = harness().shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }], additions: [{ sku: 'SKU-1003', quantity: 2 }] });
    await settle();
    expect(salesOrders(order.id).map((doc) => [doc.name, doc.docstatus])).toEqual([
      [original!.name, 2],
      [`${String(original!.name)}-1`, 1],
    ]);
    const [amended] = active(order.id);
    expect(amended).toMatchObject({ amended_from: original!.name, shopsync_key: `${String(original!.shopsync_key)}~1` });
    expect(items(amended)).toEqual([['SKU-1001', 2], ['SKU-1002', 1], ['SKU-1003', 2]]);
    expect(Number(amended!.grand_total)).toBeCloseTo(Number(edited.total_price), 2);

    harness().shopify.driver.payOrder(order.id);
    await settle();
    const invoices = harness().erp.docs('Sales Invoice').filter((doc) => doc.shopify_order_id === String(order.id));
    expect(invoices).toHaveLength(1);
    expect((invoices[0]!.items as Array<{ sales_order: string }>).every((row) => row.sales_order === amended!.name)).toBe(true);
    expect(Number(invoices[0]!.grand_total)).toBeCloseTo(Number(edited.total_price), 2);
    expect(harness().erp.docs('Payment Entry').filter((doc) => doc.shopify_order_id === String(order.id))).toHaveLength(1);
    expect(await harness().primary.store.failures({ status: 'open' })).toEqual([]);
  });

  test('a second edit amends the amendment: one active Sales Order, named -2', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: 'SKU-1001', quantity: 3 }] });
    await settle();
    harness().shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] });
    await settle();
    const last = harness().shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] });
    await settle();
    expect(salesOrders(order.id).map((doc) => doc.docstatus)).toEqual([2, 2, 1]);
    expect(String(active(order.id)[0]!.name)).toMatch(/-2$/);
    expect(items(active(order.id)[0])).toEqual([['SKU-1001', 1]]);
    expect(Number(active(order.id)[0]!.grand_total)).toBeCloseTo(Number(last.total_price), 2);
  });

  test('an order edited after it was invoiced is a conflict naming the invoice; the Sales Order is left as it was', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }] });
    await settle();
    harness().shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] });
    await settle();
    const failures = await harness().primary.store.failures({ status: 'open' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'conflict.order_edit_blocked', category: 'conflict', retryable: false });
    expect(failures[0]!.message).toMatch(/Sales Invoice/);
    expect(salesOrders(order.id).map((doc) => [doc.docstatus, items(doc)])).toEqual([[1, [['SKU-1001', 2], ['SKU-1002', 1]]]]);

    // The blocked edit does not hold the order's later life back: a refund is still booked, and the conflict stays open.
    harness().shopify.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1002', quantity: 1 }] });
    await settle();
    const credit = harness().erp.docs('Sales Invoice').filter((doc) => doc.shopify_order_id === String(order.id) && doc.is_return === 1);
    expect(credit.map((doc) => [doc.docstatus, items(doc)])).toEqual([[1, [['SKU-1002', -1]]]]);
    const [still] = await harness().primary.store.failures({ status: 'open' });
    expect(still).toMatchObject({ code: 'conflict.order_edit_blocked' });
    expect(still!.occurrences).toBeGreaterThan(failures[0]!.occurrences);
  });
});
