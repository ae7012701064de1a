import type { Doc } from '@shopsync/erpnext-client';
import { startSim, type RunningSim } from './support/erpnext-sim';

const MAKE_SI = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';

// v15 sales_order.make_sales_invoice maps a row when `doc.qty and (doc.base_amount == 0 or
// abs(doc.billed_amt) < abs(doc.amount))`: a row worth nothing is invoiced too. A taxes-included line
// whose net does not reach one minor unit per unit is booked at rate 0 (its cents on the rounding row);
// dropping it from the invoice left its refund's credit note without items (found by the property test
// in taxes-included-erpnext-sim, seed -2027059066).
describe('ERPNext simulator: make_sales_invoice and a row worth nothing', () => {
  let s: RunningSim;
  let customer: string;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
    customer = (await s.client.insertDoc('Customer', { customer_name: 'Zero Amount Customer', customer_type: 'Individual' })).name!;
  });
  afterAll(() => s.sim.close());

  test('maps it with its ordered quantity, beside the rows that are worth something', async () => {
    const so = await s.client.insertDoc('Sales Order', {
      customer,
      delivery_date: '2025-06-10',
      items: [
        { item_code: 'SKU-1001', qty: 3, rate: 0 },
        { item_code: 'SKU-1002', qty: 1, rate: 10 },
      ],
      docstatus: 1,
    });
    const draft = await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name });
    expect((draft.items as Doc[]).map((row) => [row.item_code, row.qty, row.rate])).toEqual([
      ['SKU-1001', 3, 0],
      ['SKU-1002', 1, 10],
    ]);
    const invoice = await s.client.insertDoc('Sales Invoice', { ...draft, docstatus: 1 });
    expect(invoice.grand_total).toBe(10);
    // Billed in full: the row worth something is not offered again, the row worth nothing is (as in v15).
    const again = await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name });
    expect((again.items as Doc[]).map((row) => row.item_code)).toEqual(['SKU-1001']);
  });
});
