import { useSubscribedHarness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/edited', 'refunds/create', 'order_transactions/create'];
type Row = { item_code: string; qty: number; amount: number };
type Refund = { transactions: Array<{ amount: string }> };

describe('refunds over real HTTP: the runner against the Shopify and ERPNext simulators, every webhook delivered twice', () => {
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS);
  const forOrder = (doctype: string, id: number) => harness().erp.docs(doctype).filter((doc) => doc.shopify_order_id === String(id));
  const credits = (id: number) => forOrder('Sales Invoice', id).filter((doc) => doc.is_return === 1);
  const refundPayments = (id: number) => forOrder('Payment Entry', id).filter((doc) => doc.payment_type === 'Pay');

  test('a refund of shipping only becomes one credit note (one row at qty 0, the shipping back) and one refund payment, nothing parked', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }] });
    await settle();
    const after = harness().shopify.driver.refundOrder(order.id, { lines: [], shipping: true });
    await settle();
    const refunded = Number((after.refunds[0] as Refund).transactions[0]!.amount);
    expect(refunded).toBeCloseTo(Number(order.shipping_lines[0]!.price), 2);
    const [credit, ...others] = credits(order.id);
    expect(others).toEqual([]);
    expect(credit).toMatchObject({ docstatus: 1, outstanding_amount: 0, net_total: 0 });
    expect(credit!.grand_total).toBeCloseTo(-refunded, 2);
    expect((credit!.items as Row[]).map((row) => [row.item_code, row.qty, row.amount])).toEqual([['SKU-1001', 0, 0]]);
    expect(refundPayments(order.id).map((doc) => Number(doc.paid_amount))).toEqual([refunded]);
    expect(await harness().primary.store.failures({ status: 'open' })).toEqual([]);
  });

  test('an order edited, then refunded, books the refund once: no false total mismatch from refunds/create', async () => {
    const lines = [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }];
    const order = harness().shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines, discount: { code: 'TEN', percentage: 10 } });
    await settle();
    // Edited before it is invoiced (an invoiced Sales Order cannot be amended), then paid.
    harness().shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] });
    harness().shopify.driver.payOrder(order.id);
    await settle();
    const after = harness().shopify.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    await settle();
    const refunded = Number((after.refunds[0] as Refund).transactions[0]!.amount);
    const [salesOrder] = forOrder('Sales Order', order.id).filter((doc) => doc.docstatus === 1);
    expect((salesOrder!.items as Row[]).map((row) => [row.item_code, row.qty])).toEqual([['SKU-1001', 2], ['SKU-1002', 1]]);
    expect(credits(order.id).map((doc) => [doc.docstatus, (doc.items as Row[]).map((row) => [row.item_code, row.qty])])).toEqual([[1, [['SKU-1001', -1]]]]);
    expect(refundPayments(order.id).map((doc) => Number(doc.paid_amount))).toEqual([refunded]);
    expect(await harness().primary.store.failures({})).toEqual([]);
  });
});
