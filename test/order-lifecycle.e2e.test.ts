import { createShopifySimulator } from '@shopsync/simulators';
import { useSubscribedHarness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'refunds/create', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create'];

describe('order lifecycle over real HTTP, every webhook delivered twice', () => {
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS);

  const forOrder = (doctype: string, id: number) => harness().erp.docs(doctype).filter((doc) => doc.shopify_order_id === String(id));

  test('a paid checkout becomes one Sales Order, one Sales Invoice and one Payment Entry whose totals equal Shopify’s', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', discount: { code: 'TEN', percentage: 10 } });
    await settle();
    const [salesOrder] = forOrder('Sales Order', order.id);
    const [invoice] = forOrder('Sales Invoice', order.id);
    expect([forOrder('Sales Order', order.id).length, forOrder('Sales Invoice', order.id).length, forOrder('Payment Entry', order.id).length]).toEqual([1, 1, 1]);
    expect(salesOrder?.grand_total).toBeCloseTo(Number(order.total_price), 2);
    expect(invoice).toMatchObject({ docstatus: 1, outstanding_amount: 0 });
    // orders/create, orders/paid and the sale transaction: three events, all applied.
    expect(await harness().primary.store.counts()).toMatchObject({ byStatus: { applied: 3 } });
  });

  test('ERPNext mappers get their arguments in a POST body (in apply_documents), never a query string, and the evidence names the verb', async () => {
    harness().shopify.driver.createOrder({ customer: 'new' });
    await settle();
    // From a query string get_payment_entry's party_amount is a str and a real ERPNext answers 500.
    expect(harness().erp.requests.countWhere({ method: 'GET', path: '/api/method/erpnext.' })).toBe(0);
    // Batched writes (the default): the app calls the mapper in-process with the JSON body's typed arguments.
    expect(harness().erp.requests.countWhere({ method: 'POST', path: 'shopsync.documents.apply_documents' })).toBeGreaterThan(0);
    const store = harness().primary.store;
    const [payment] = await store.listEvents({ topic: 'order_transactions/create' });
    const trail = await store.evidence(payment!.id);
    expect(trail.find((row) => row.kind === 'operation' && (row.data as { doctype: string }).doctype === 'Payment Entry')?.data).toMatchObject({
      step: 'inserted',
      via: 'shopsync.documents.apply_documents',
      mapper: { method: 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry', verb: 'POST' },
    });
  });

  test('pending, then paid later: the invoice arrives with orders/paid, the payment with its transaction', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await settle();
    expect(forOrder('Sales Invoice', order.id)).toHaveLength(0);
    harness().shopify.driver.payOrder(order.id);
    await settle();
    expect([forOrder('Sales Invoice', order.id).length, forOrder('Payment Entry', order.id).length]).toEqual([1, 1]);
  });

  test('cancelling an unpaid order cancels its Sales Order', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await settle();
    harness().shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await settle();
    expect(forOrder('Sales Order', order.id).map((doc) => [doc.docstatus, doc.status])).toEqual([[2, 'Cancelled']]);
  });

  test('cancelling a paid order parks a conflict that names the invoice blocking it', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new' });
    await settle();
    harness().shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await settle();
    const failures = await harness().primary.store.failures({ status: 'open' });
    // orders/cancelled and orders/updated both meet the blocker: one open failure, two occurrences.
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'conflict.cancel_blocked', category: 'conflict', occurrences: 2 });
    expect(failures[0]?.message).toMatch(/Sales Invoice/);
    expect(forOrder('Sales Order', order.id)).toHaveLength(1);
  });

  test('a partial refund becomes one credit note for that line and one refund payment, the amounts Shopify refunded', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    await settle();
    const after = harness().shopify.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }], shipping: true });
    await settle();
    const refundAmount = Number((after.refunds[0] as { transactions: Array<{ amount: string }> }).transactions[0]!.amount);
    const credit = forOrder('Sales Invoice', order.id).filter((doc) => doc.is_return === 1);
    expect(credit).toHaveLength(1);
    expect(credit[0]).toMatchObject({ docstatus: 1, outstanding_amount: 0 });
    expect(credit[0]!.grand_total).toBeCloseTo(-refundAmount, 2);
    expect((credit[0]!.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty])).toEqual([['SKU-1001', -1]]);
    const refunds = forOrder('Payment Entry', order.id).filter((doc) => doc.payment_type === 'Pay');
    expect(refunds.map((doc) => Number(doc.paid_amount))).toEqual([refundAmount]);
    expect(await harness().primary.store.failures({ status: 'open' })).toEqual([]);
  });

});

describe('order lifecycle with Shopify as the fulfillment authority', () => {
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS, { fulfillmentAuthority: 'shopify' });
  const forOrder = (doctype: string, id: number) => harness().erp.docs(doctype).filter((doc) => doc.shopify_order_id === String(id));

  test('with Shopify as fulfillment authority, a partial fulfillment becomes a Delivery Note for those lines', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1003', quantity: 2 }, { sku: 'SKU-1004', quantity: 1 }] });
    await settle();
    harness().shopify.driver.fulfilOrder(order.id, { lines: [{ sku: 'SKU-1003', quantity: 1 }], tracking: { number: '1Z999AA10123456784' } });
    await settle();
    const notes = forOrder('Delivery Note', order.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ docstatus: 1, lr_no: '1Z999AA10123456784' });
    expect((notes[0]!.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty])).toEqual([['SKU-1003', 1]]);
  });

  test('with Shopify as fulfillment authority, a returned unit goes back into stock through a return Delivery Note', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1003', quantity: 2 }] });
    harness().shopify.driver.fulfilOrder(order.id, {});
    await settle();
    const bin = () => harness().erp.docs('Bin').find((doc) => doc.item_code === 'SKU-1003' && doc.warehouse === 'Stores - SD')!;
    const afterDelivery = Number(bin().actual_qty);
    harness().shopify.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1003', quantity: 1 }], restockType: 'return' });
    await settle();
    const returns = forOrder('Delivery Note', order.id).filter((doc) => doc.is_return === 1);
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({ docstatus: 1 });
    expect((returns[0]!.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty])).toEqual([['SKU-1003', -1]]);
    expect(Number(bin().actual_qty)).toBe(afterDelivery + 1);
    expect(forOrder('Sales Invoice', order.id).filter((doc) => doc.is_return === 1)).toHaveLength(1);
    expect(await harness().primary.store.failures({ status: 'open' })).toEqual([]);
  });
});

describe('order lifecycle with a Shopify location mapped to its own warehouse', () => {
  // The harness's shop (seed 7) fulfils from its primary location; it ships from Finished Goods here.
  const location = createShopifySimulator({ seed: 7 }).shop.inventory.primaryLocation().id;
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS, { fulfillmentAuthority: 'shopify', locationWarehouses: { [String(location)]: 'Finished Goods - SD' } });
  const onHand = (warehouse: string) => Number(harness().erp.docs('Bin').find((doc) => doc.item_code === 'SKU-1003' && doc.warehouse === warehouse)?.actual_qty ?? 0);

  test('the Delivery Note takes the goods from the warehouse of the location that fulfilled them', async () => {
    expect(harness().shopify.shop.inventory.primaryLocation().id).toBe(location);
    await harness().erpnext.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: 'Shopsync Demo', items: [{ item_code: 'SKU-1003', qty: 5, t_warehouse: 'Finished Goods - SD', basic_rate: 12 }], docstatus: 1 });
    const before = { stores: onHand('Stores - SD'), finished: onHand('Finished Goods - SD') };
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1003', quantity: 2 }] });
    harness().shopify.driver.fulfilOrder(order.id, {});
    await settle();
    const notes = harness().erp.docs('Delivery Note').filter((doc) => doc.shopify_order_id === String(order.id));
    expect((notes[0]?.items as Array<{ warehouse: string; qty: number }>).map((row) => [row.warehouse, row.qty])).toEqual([['Finished Goods - SD', 2]]);
    expect({ stores: onHand('Stores - SD'), finished: onHand('Finished Goods - SD') }).toEqual({ stores: before.stores, finished: before.finished - 2 });
    expect(await harness().primary.store.failures({ status: 'open' })).toEqual([]);
  });
});
