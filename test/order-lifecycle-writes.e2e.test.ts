import type { Doc } from '@shopsync/erpnext-client';
import { APPLY_DOCUMENTS, type WriteMode } from '@shopsync/runner';
import { documentsOf } from './support/lifecycle-target';
import { useTempDir } from './support/temp-dir';
import { startWritesRig, type WritesRig } from './support/writes-rig';

const TOPICS = ['customers/create', 'customers/update', 'orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'refunds/create', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create'];
const ITEMS = ['SKU-1001', 'SKU-1002'] as const;

const money = (value: unknown): number => Math.round(Number(value) * 100);

/** ERPNext requests of each whole scenario, per write mode, for the comparison printed at the end. */
const spent: Record<string, Record<WriteMode, number>> = {};

/**
 * The order lifecycle battery's scenarios (order-lifecycle-battery.e2e.test.ts) through the worker's
 * own path with `erpnext.writes` set: every document counted per Shopify order over REST and every
 * total compared with Shopify's to the cent, once with batched writes and once over REST.
 */
describe.each(['batch', 'rest'] as const)('order lifecycle, erpnext.writes = %s', (mode) => {
  const dir = useTempDir();
  let h: WritesRig;
  let name = '';
  beforeEach(async () => {
    h = await startWritesRig(dir(), mode, TOPICS, { duplicateRate: 1, mapping: { fulfillmentAuthority: 'shopify' } });
    name = expect.getState().currentTestName ?? '';
  });
  afterEach(async () => {
    (spent[name.replace(/^.*?= \w+ /, '')] ??= { batch: 0, rest: 0 })[mode] = h.erp.requests.count;
    if (mode === 'rest') expect(h.erp.requests.countWhere({ path: APPLY_DOCUMENTS })).toBe(0);
    await h.close();
  });

  const sales = (id: number) => documentsOf(h.erpnext, 'Sales Order', id, ['grand_total', 'customer', 'amended_from']);
  const invoices = (id: number) => documentsOf(h.erpnext, 'Sales Invoice', id, ['grand_total', 'outstanding_amount', 'is_return']);
  const payments = (id: number) => documentsOf(h.erpnext, 'Payment Entry', id, ['paid_amount', 'payment_type']);
  const live = (docs: Doc[]) => docs.filter((doc) => doc.docstatus === 1);
  const noOpenFailures = async () => expect((await h.store.failures({ status: 'open' })).map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  const settle = async () => {
    const before = h.erp.requests.count;
    await h.settle();
    return h.erp.requests.count - before;
  };

  async function expectPaidOrder(id: number, total: number): Promise<Doc> {
    const [so, ...extraSo] = live(await sales(id));
    const [si, ...extraSi] = live(await invoices(id));
    const [pe, ...extraPe] = live(await payments(id));
    expect([extraSo.length, extraSi.length, extraPe.length]).toEqual([0, 0, 0]);
    expect([money(so?.grand_total), money(si?.grand_total), money(pe?.paid_amount), money(si?.outstanding_amount)]).toEqual([total, total, total, 0]);
    return so!;
  }

  test('new, returning and guest customers: each paid order is one Sales Order, invoice and payment', async () => {
    const first = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: ITEMS[0], quantity: 2 }] });
    await settle();
    const firstSo = await expectPaidOrder(first.id, money(first.total_price));
    const again = h.shopify.driver.createOrder({ customer: { id: first.customer!.id }, lines: [{ sku: ITEMS[1], quantity: 1 }] });
    const guest = h.shopify.driver.createOrder({ customer: null, lines: [{ sku: ITEMS[0], quantity: 1 }] });
    await settle();
    expect((await expectPaidOrder(again.id, money(again.total_price))).customer).toBe(firstSo.customer);
    expect((await expectPaidOrder(guest.id, money(guest.total_price))).customer).toBe('Shopify Guest');
    expect(await h.erpnext.listAll('Customer', { filters: [['shopify_customer_id', '=', String(first.customer!.id)]], fields: ['name'] })).toHaveLength(1);
    await noOpenFailures();
  });

  test('pending, then paid: the invoice and the payment come with the payment, once', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: ITEMS[1], quantity: 1 }] });
    await settle();
    expect([live(await sales(order.id)).length, (await invoices(order.id)).length]).toEqual([1, 0]);
    const paid = h.shopify.driver.payOrder(order.id);
    await settle();
    await expectPaidOrder(order.id, money(paid.total_price));
    await noOpenFailures();
  });

  test('a refund is one credit note and one refund payment for the money refunded', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: ITEMS[0], quantity: 3 }, { sku: ITEMS[1], quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    await settle();
    const after = h.shopify.driver.refundOrder(order.id, { lines: [{ sku: ITEMS[0], quantity: 1 }], shipping: true });
    await settle();
    const refunded = money((after.refunds[0] as { transactions: Array<{ amount: string }> }).transactions[0]!.amount);
    const credits = live(await invoices(order.id)).filter((doc) => doc.is_return === 1);
    const back = live(await payments(order.id)).filter((doc) => doc.payment_type === 'Pay');
    expect([credits.map((doc) => -money(doc.grand_total)), back.map((doc) => money(doc.paid_amount))]).toEqual([[refunded], [refunded]]);
    await noOpenFailures();
  });

  test('cancelling an unpaid order cancels its one Sales Order', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: ITEMS[0], quantity: 1 }] });
    await settle();
    h.shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await settle();
    expect((await sales(order.id)).map((doc) => doc.docstatus)).toEqual([2]);
    await noOpenFailures();
  });

  test('an edited unpaid order is amended to the edited total; paying it books the new total once', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: ITEMS[0], quantity: 3 }] });
    await settle();
    h.shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }], additions: [{ sku: ITEMS[1], quantity: 1 }] });
    await settle();
    const paid = h.shopify.driver.payOrder(order.id);
    await settle();
    const all = await sales(order.id);
    expect(all.map((doc) => doc.docstatus).sort()).toEqual([1, 2]);
    expect((await expectPaidOrder(order.id, money(paid.total_price))).amended_from).toBe(all.find((doc) => doc.docstatus === 2)?.name);
    await noOpenFailures();
  });

  test('a fulfilment in Shopify is one Delivery Note of the fulfilled lines, with its tracking number', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: ITEMS[0], quantity: 2 }, { sku: ITEMS[1], quantity: 1 }] });
    await settle();
    h.shopify.driver.fulfilOrder(order.id, { lines: [{ sku: ITEMS[0], quantity: 1 }], tracking: { number: '1Z999AA10123456784' } });
    await settle();
    const notes = live(await documentsOf(h.erpnext, 'Delivery Note', order.id, ['lr_no']));
    expect(notes.map((doc) => doc.lr_no)).toEqual(['1Z999AA10123456784']);
    const note = await h.erpnext.getDoc('Delivery Note', String(notes[0]!.name));
    expect((note.items as Doc[]).map((row) => [row.item_code, row.qty])).toEqual([[ITEMS[0], 1]]);
    await noOpenFailures();
  });
});

afterAll(() => {
  // Requests per scenario (the reads the test itself makes included, the same in both modes).
  console.info(`ERPNext requests per lifecycle scenario (batch / rest):\n${Object.entries(spent).map(([scenario, n]) => `  ${n.batch} / ${n.rest}  ${scenario}`).join('\n')}`);
});
