import type { Doc } from '@shopsync/erpnext-client';
import { APPLY_DOCUMENTS, type WriteMode } from '@shopsync/runner';
import { documentsOf, realTarget, simulatorTarget, startLifecycle, type ErpnextTarget, type LifecycleHarness } from './support/lifecycle-target';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['customers/create', 'customers/update', 'orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'refunds/create', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create'];

const money = (value: unknown): number => Math.round(Number(value) * 100);

/**
 * One order lifecycle, the same test against the simulator and — given ERPNEXT_URL, ERPNEXT_API_KEY,
 * ERPNEXT_API_SECRET — against a real ERPNext: every document is counted per Shopify order over REST
 * (never read from the simulator's memory) and every total compared with Shopify's to the cent.
 */
function lifecycleBattery(makeTarget: () => Promise<ErpnextTarget>, writes: WriteMode = 'batch'): void {
  const dir = useTempDir();
  let target: ErpnextTarget;
  let h: LifecycleHarness;
  let batchCallsBefore = 0;
  beforeAll(async () => {
    target = await makeTarget();
  });
  beforeEach(async () => {
    h = await startLifecycle(target, dir(), TOPICS, { fulfillmentAuthority: 'shopify' }, writes);
    batchCallsBefore = target.requestsTo?.(APPLY_DOCUMENTS) ?? 0;
  });
  afterEach(async () => {
    await h.stop();
    // erpnext.writes = rest writes step by step: the companion app's batch method is never called.
    if (writes === 'rest' && target.requestsTo !== undefined) expect(target.requestsTo(APPLY_DOCUMENTS) - batchCallsBefore).toBe(0);
  });
  afterAll(async () => target.close());

  const sales = (id: number) => documentsOf(h.erpnext, 'Sales Order', id, ['grand_total', 'customer', 'amended_from']);
  const invoices = (id: number) => documentsOf(h.erpnext, 'Sales Invoice', id, ['grand_total', 'outstanding_amount', 'is_return']);
  const payments = (id: number) => documentsOf(h.erpnext, 'Payment Entry', id, ['paid_amount', 'payment_type']);
  const live = (docs: Doc[]) => docs.filter((doc) => doc.docstatus === 1);
  const noOpenFailures = async () => expect((await h.store.failures({ status: 'open' })).map((f) => `${f.code}: ${f.message}`)).toEqual([]);

  async function expectPaidOrder(id: number, total: number): Promise<Doc> {
    const [so, ...extraSo] = live(await sales(id));
    const [si, ...extraSi] = live(await invoices(id));
    const [pe, ...extraPe] = live(await payments(id));
    expect([extraSo.length, extraSi.length, extraPe.length]).toEqual([0, 0, 0]);
    expect([money(so?.grand_total), money(si?.grand_total), money(pe?.paid_amount), money(si?.outstanding_amount)]).toEqual([total, total, total, 0]);
    return so!;
  }

  test('new, returning and guest customers: each paid order is one Sales Order, invoice and payment at Shopify’s total', async () => {
    const first = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: target.items[0], quantity: 2 }] });
    await h.settle();
    const firstSo = await expectPaidOrder(first.id, money(first.total_price));
    const again = h.shopify.driver.createOrder({ customer: { id: first.customer!.id }, lines: [{ sku: target.items[1], quantity: 1 }] });
    const guest = h.shopify.driver.createOrder({ customer: null, lines: [{ sku: target.items[0], quantity: 1 }] });
    await h.settle();
    expect((await expectPaidOrder(again.id, money(again.total_price))).customer).toBe(firstSo.customer);
    expect((await expectPaidOrder(guest.id, money(guest.total_price))).customer).toBe(target.mapping.guestCustomerName ?? 'Shopify Guest');
    const linked = await h.erpnext.listAll('Customer', { filters: [['shopify_customer_id', '=', String(first.customer!.id)]], fields: ['name'] });
    expect(linked).toHaveLength(1);
    await noOpenFailures();
  });

  test('pending, then paid: the invoice and the payment come with the payment, once', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: target.items[1], quantity: 1 }] });
    await h.settle();
    expect([live(await sales(order.id)).length, (await invoices(order.id)).length]).toEqual([1, 0]);
    const paid = h.shopify.driver.payOrder(order.id);
    await h.settle();
    await expectPaidOrder(order.id, money(paid.total_price));
    await noOpenFailures();
  });

  test('a refund is one credit note and one refund payment for the money refunded', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: target.items[0], quantity: 3 }, { sku: target.items[1], quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    await h.settle();
    const after = h.shopify.driver.refundOrder(order.id, { lines: [{ sku: target.items[0], quantity: 1 }], shipping: true });
    await h.settle();
    const refunded = money((after.refunds[0] as { transactions: Array<{ amount: string }> }).transactions[0]!.amount);
    const credits = live(await invoices(order.id)).filter((doc) => doc.is_return === 1);
    const back = live(await payments(order.id)).filter((doc) => doc.payment_type === 'Pay');
    expect([credits.map((doc) => -money(doc.grand_total)), back.map((doc) => money(doc.paid_amount))]).toEqual([[refunded], [refunded]]);
    await noOpenFailures();
  });

  test('cancelling an unpaid order cancels its one Sales Order', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: target.items[0], quantity: 1 }] });
    await h.settle();
    h.shopify.driver.cancelOrder(order.id, { reason: 'customer' });
    await h.settle();
    expect((await sales(order.id)).map((doc) => doc.docstatus)).toEqual([2]);
    await noOpenFailures();
  });

  test('an edited unpaid order is amended to the edited total; paying it books the new total once', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending', lines: [{ sku: target.items[0], quantity: 3 }] });
    await h.settle();
    h.shopify.driver.editOrder(order.id, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }], additions: [{ sku: target.items[1], quantity: 1 }] });
    await h.settle();
    const paid = h.shopify.driver.payOrder(order.id);
    await h.settle();
    const all = await sales(order.id);
    expect(all.map((doc) => doc.docstatus).sort()).toEqual([1, 2]);
    expect((await expectPaidOrder(order.id, money(paid.total_price))).amended_from).toBe(all.find((doc) => doc.docstatus === 2)?.name);
    await noOpenFailures();
  });

  test('a fulfilment in Shopify is one Delivery Note of the fulfilled lines, with its tracking number', async () => {
    const order = h.shopify.driver.createOrder({ customer: 'new', lines: [{ sku: target.items[0], quantity: 2 }, { sku: target.items[1], quantity: 1 }] });
    await h.settle();
    h.shopify.driver.fulfilOrder(order.id, { lines: [{ sku: target.items[0], quantity: 1 }], tracking: { number: '1Z999AA10123456784' } });
    await h.settle();
    const notes = live(await documentsOf(h.erpnext, 'Delivery Note', order.id, ['lr_no']));
    expect(notes.map((doc) => doc.lr_no)).toEqual(['1Z999AA10123456784']);
    const note = await h.erpnext.getDoc('Delivery Note', String(notes[0]!.name));
    expect((note.items as Doc[]).map((row) => [row.item_code, row.qty])).toEqual([[target.items[0], 1]]);
    await noOpenFailures();
  });
}

// Both ways of writing: each event's documents in one apply_documents request (the default), and over REST step by step.
describe.each(['batch', 'rest'] as const)('order lifecycle against the ERPNext simulator, erpnext.writes = %s', (writes) => {
  lifecycleBattery(simulatorTarget, writes);
});

const real = realTarget(process.env);
if (real !== undefined) {
  describe(`order lifecycle against ${real.label}`, () => {
    jest.setTimeout(180_000);
    lifecycleBattery(async () => real);
  });
} else {
  // Say so loudly rather than pass silently: the same battery is meant to run against a real site.
  console.info('Order lifecycle: real-ERPNext run SKIPPED (set ERPNEXT_URL, ERPNEXT_API_KEY, ERPNEXT_API_SECRET; optionally ERPNEXT_MAPPING_FILE, ERPNEXT_ITEM_1/2).');
  describe('order lifecycle against a real ERPNext', () => {
    test.skip('SKIPPED: set ERPNEXT_URL, ERPNEXT_API_KEY and ERPNEXT_API_SECRET to run this battery against a real ERPNext', () => undefined);
  });
}
