import type { Doc } from '@shopsync/erpnext-client';
import { startSim, type RunningSim } from './support/erpnext-sim';

const MAKE_SI = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
const MAKE_SI_RETURN = 'erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return';
const GET_PAYMENT_ENTRY = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';
const FREIGHT = 'Freight and Forwarding Charges - SD';

// ERPNext v15's rules for a credit note that gives back shipping only (erpnext/controllers):
// accounts_controller.py skips validate_qty_is_not_zero for returns and refuses qty-0 rows only with
// update_stock; sales_and_purchase_return.py checks only rows with qty < 0 and offers every invoice
// row in make_sales_return, a fully returned one at qty 0.
describe('ERPNext simulator: a return invoice with a row at quantity 0', () => {
  let s: RunningSim;
  let customer: string;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
    customer = (await s.client.insertDoc('Customer', { customer_name: 'Zero Qty Customer', customer_type: 'Individual' })).name!;
  });
  afterAll(() => s.sim.close());

  /** A submitted invoice of 2 × SKU-1006 plus 5.00 shipping as an Actual charge, and its return draft. */
  async function invoiceWithShipping(): Promise<{ invoice: Doc; draft: Doc }> {
    const taxes = [{ charge_type: 'Actual', account_head: FREIGHT, description: 'Standard Shipping', tax_amount: 5 }];
    const so = await s.client.insertDoc('Sales Order', { customer, delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1006', qty: 2, rate: 10 }], taxes, docstatus: 1 });
    const invoice = await s.client.insertDoc('Sales Invoice', { ...(await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name })), docstatus: 1 });
    return { invoice, draft: await s.client.callMethod<Doc>(MAKE_SI_RETURN, { source_name: invoice.name }) };
  }
  const shippingOnly = (draft: Doc, extra: Doc = {}): Doc => ({
    ...draft,
    items: (draft.items as Doc[]).map((row) => ({ ...row, qty: 0 })),
    taxes: [{ charge_type: 'Actual', account_head: FREIGHT, description: 'Shipping refunded', tax_amount: -5 }],
    discount_amount: 0,
    ...extra,
  });

  test('is accepted without stock update: the grand total is the shipping given back, and a refund payment settles it', async () => {
    const { invoice, draft } = await invoiceWithShipping();
    const credit = await s.client.insertDoc('Sales Invoice', { ...shippingOnly(draft), docstatus: 1 });
    expect(credit).toMatchObject({ is_return: 1, return_against: invoice.name, docstatus: 1, net_total: 0, grand_total: -5, outstanding_amount: -5 });
    const payment = await s.client.insertDoc('Payment Entry', { ...(await s.client.callMethod<Doc>(GET_PAYMENT_ENTRY, { dt: 'Sales Invoice', dn: credit.name })), reference_no: 'r', reference_date: '2025-06-01', docstatus: 1 });
    expect(payment).toMatchObject({ payment_type: 'Pay', paid_amount: 5 });
    await expect(s.client.getDoc('Sales Invoice', credit.name!)).resolves.toMatchObject({ outstanding_amount: 0 });
  });

  test('is refused with update_stock, as validate_zero_qty_for_return_invoices_with_stock refuses it', async () => {
    const { draft } = await invoiceWithShipping();
    // The client shows the message without Frappe's <strong> around the row list.
    await expect(s.client.insertDoc('Sales Invoice', { ...shippingOnly(draft, { update_stock: 1 }), docstatus: 1 })).rejects.toMatchObject({
      message: "For Return Invoices with Stock effect, '0' qty Items are not allowed. Following rows are affected: #1",
    });
  });

  test('without any item row it is "Data missing in table: Items", as before', async () => {
    const { draft } = await invoiceWithShipping();
    await expect(s.client.insertDoc('Sales Invoice', { ...shippingOnly(draft), items: [], docstatus: 1 })).rejects.toMatchObject({ message: expect.stringMatching(/Data missing in table: Items/) });
  });

  test('make_sales_return still offers a fully returned row, at qty 0; giving it back again is refused', async () => {
    const { invoice, draft } = await invoiceWithShipping();
    await s.client.insertDoc('Sales Invoice', { ...draft, docstatus: 1 });
    const again = await s.client.callMethod<Doc>(MAKE_SI_RETURN, { source_name: invoice.name });
    expect((again.items as Doc[]).map((row) => [row.item_code, row.qty])).toEqual([['SKU-1006', 0]]);
    await expect(s.client.insertDoc('Sales Invoice', { ...again, items: (again.items as Doc[]).map((row) => ({ ...row, qty: -1 })), docstatus: 1 })).rejects.toMatchObject({
      message: 'Item SKU-1006 has already been returned',
    });
    await expect(s.client.insertDoc('Sales Invoice', { ...shippingOnly(again), docstatus: 1 })).resolves.toMatchObject({ grand_total: -5 });
  });

  test('a positive quantity on a return is refused with status_updater’s message', async () => {
    const { draft } = await invoiceWithShipping();
    await expect(s.client.insertDoc('Sales Invoice', { ...draft, items: (draft.items as Doc[]).map((row) => ({ ...row, qty: 1 })), docstatus: 1 })).rejects.toMatchObject({
      message: 'For an item SKU-1006, quantity must be negative number',
    });
  });
});
