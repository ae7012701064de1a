import fc from 'fast-check';
import { EMPTY_CONTEXT, currencyExponent, planEvent, type EnsureDocumentOperation, type EnsureMappedDocumentOperation, type SyncSettings } from '@shopsync/core';
import type { Doc } from '@shopsync/erpnext-client';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';
import { includedTaxSpec, TAX_RATES } from './support/taxes-included-arbitrary';
import { includedTaxOrder } from './support/taxes-included-order';

const MAKE_SI = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
// The simulated site has one tax account; every title books to it (the unit property checks titles apart).
const SETTINGS: SyncSettings = { ...MAPPED_SETTINGS, taxAccounts: Object.fromEntries(TAX_RATES.map((tax) => [tax.title, 'Sales Tax - SD'])) };

/**
 * The planned documents of generated taxes-included orders, posted to the ERPNext simulator: the
 * grand totals ERPNext computes are Shopify's total and the money refunded, and each line's
 * net_amount is qty × its planned rate (no header discount to spread).
 */
// A KWD company's site keeps three decimals (its setup wizard's number format): fils survive ERPNext.
describe.each(['USD', 'KWD'])('taxes-included Sales Orders and credit notes in a %s ERPNext simulator (fast-check)', (currency) => {
  const unit = 10 ** currencyExponent(currency);
  const cents = (value: unknown) => Math.round(Number(value) * unit);
  let s: RunningSim;
  let customer: string;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2026-11-27T09:30:00Z'), currency });
    customer = (await s.client.insertDoc('Customer', { customer_name: 'Shopify Guest', customer_type: 'Individual' })).name!;
  });
  afterAll(() => s.sim.close());

  test('ERPNext’s grand total equals Shopify’s total, and the credit note’s the money refunded', async () => {
    // Every run books another order on the same site: its keys get the run number.
    let run = 0;
    let credited = 0;
    await fc.assert(
      fc.asyncProperty(includedTaxSpec(currency), async (spec) => {
        const payload = includedTaxOrder(spec);
        const plan = planEvent({ shop: SHOP, topic: 'orders/updated', payload }, { ...SETTINGS, companyCurrency: currency }, EMPTY_CONTEXT);
        expect(plan.failure).toBeNull();
        const planned = plan.operations.find((op) => op.kind === 'ensure_document' && op.doctype === 'Sales Order') as EnsureDocumentOperation;
        run += 1;
        const so = await s.client.insertDoc('Sales Order', { ...planned.doc, customer, shopsync_key: `${planned.key}#${run}`, docstatus: 1 });
        expect(cents(so.grand_total)).toBe(cents(payload.total_price));
        for (const item of so.items as Doc[]) expect(cents(item.net_amount)).toBe(Math.round(Number(item.qty) * cents(item.rate)));
        const note = plan.operations.find((op) => op.key.startsWith('credit-note:')) as EnsureMappedDocumentOperation | undefined;
        if (note === undefined) return;
        credited += 1;
        const invoice = await s.client.insertDoc('Sales Invoice', { ...(await s.client.callMethod<Doc>(MAKE_SI, { source_name: so.name }, { verb: 'GET' })), shopsync_key: `invoice#${run}`, docstatus: 1 });
        expect(cents(invoice.grand_total)).toBe(cents(payload.total_price));
        const draft = await s.client.callMethod<Doc>(String(note.method), { source_name: invoice.name }, { verb: 'GET' });
        const edits = new Map(note.tableEdits[0]!.rows.map((row) => [String(row.match), row.set]));
        const items = (draft.items as Doc[]).filter((row) => edits.has(String(row.shopify_line_item_id))).map((row) => ({ ...row, ...edits.get(String(row.shopify_line_item_id)) }));
        const credit = await s.client.insertDoc('Sales Invoice', { ...draft, ...note.set, shopsync_key: `${note.key}#${run}`, items, docstatus: 1 });
        const refund = (payload.refunds as Array<{ transactions: Array<{ amount: string }> }>)[0]!;
        expect(-cents(credit.grand_total)).toBe(cents(refund.transactions[0]!.amount));
      }),
      { numRuns: 30 },
    );
    // Some runs booked a credit note (the spec's optional refund), not only the orders.
    expect(credited).toBeGreaterThan(0);
    // Each run is a few HTTP round trips to the simulator; beside other suites they take seconds.
  }, 60_000);
});
