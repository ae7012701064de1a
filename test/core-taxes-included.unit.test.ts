import { EMPTY_CONTEXT, describeFailure, planEvent, type EnsureDocumentOperation, type EnsureMappedDocumentOperation, type Plan, type SyncSettings } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { includedTaxOrder, type IncludedTaxSpec } from './support/taxes-included-order';

const GST = [{ title: 'GST', rate: 0.15 }];
/** The shape of the reported NZD order: 555.75 with 31.05 of shipping that holds 4.05 of GST. */
const NZD_ORDER: IncludedTaxSpec = {
  currency: 'NZD',
  lines: [
    { sku: 'SKU-1001', title: 'Merino Jumper', priceCents: 19990, quantity: 2, discountCents: 3998, taxes: GST },
    { sku: 'SKU-1002', title: 'Possum Beanie', priceCents: 18320, quantity: 1, discountCents: 1832, taxes: GST },
  ],
  shipping: [{ title: 'Standard Shipping', priceCents: 3105, taxes: GST }],
};
const NZ_SETTINGS: SyncSettings = { ...MAPPED_SETTINGS, companyCurrency: 'NZD', taxAccounts: { GST: 'GST - SD' } };

interface Row {
  account_head: string;
  description: string;
  tax_amount: number;
}
const plan = (payload: unknown, settings: SyncSettings = NZ_SETTINGS): Plan => planEvent({ shop: SHOP, topic: 'orders/paid', payload }, settings, EMPTY_CONTEXT);
const salesOrder = (p: Plan) => p.operations.find((op) => op.kind === 'ensure_document' && op.doctype === 'Sales Order') as EnsureDocumentOperation;
const creditNote = (p: Plan) => p.operations.find((op) => op.key.startsWith('credit-note:')) as EnsureMappedDocumentOperation;
const cents = (value: unknown) => Math.round(Number(value) * 100);
const rows = (doc: Record<string, unknown>) => doc.taxes as Row[];

describe('taxes-included orders book revenue net of tax, each tax once, nothing as a discount', () => {
  test('the NZD order: freight 27.00 (not 31.05), GST once on its account, lines at their net rates, total 555.75', () => {
    const so = salesOrder(plan(includedTaxOrder(NZD_ORDER))).doc;
    expect(so.discount_amount).toBe(0);
    expect((so.items as Array<{ qty: number; rate: number }>).map((item) => [item.qty, item.rate])).toEqual([[2, 156.44], [1, 143.37]]);
    expect(rows(so).map((row) => [row.account_head, row.tax_amount])).toEqual([
      ['GST - SD', 72.49],
      ['Freight and Forwarding Charges - SD', 27],
      ['Round Off - SD', 0.01],
    ]);
    expect(rows(so)[0]!.description).toBe('GST 15%');
    // The jumpers' revenue is 312.89 (399.80 − 39.98 − 46.93 GST); 2 × 156.44 leaves the cent the evidence names.
    expect(rows(so)[2]!.description).toBe('Unit-rate rounding: "Merino Jumper" 312.89 net over 2 units leaves 0.01');
    const items = (so.items as Array<{ qty: number; rate: number }>).reduce((sum, item) => sum + item.qty * cents(item.rate), 0);
    expect(items + 1).toBe(31289 + 14337);
    expect(items + rows(so).reduce((sum, row) => sum + cents(row.tax_amount), 0)).toBe(55575);
  });

  test('a title that already carries its rate is not given it twice: "MwSt 19%", not "MwSt 19% 19%"; two titles, two rows', () => {
    const order = includedTaxOrder({
      currency: 'EUR',
      lines: [
        { sku: 'SKU-1003', title: 'Kaffeebecher', priceCents: 1190, quantity: 3, discountCents: 0, taxes: [{ title: 'MwSt 19%', rate: 0.19 }] },
        { sku: 'SKU-1004', title: 'Kochbuch', priceCents: 2140, quantity: 1, discountCents: 214, taxes: [{ title: 'MwSt 7%', rate: 0.07 }] },
      ],
      shipping: [{ title: 'DHL Paket', priceCents: 490, taxes: [{ title: 'MwSt 19%', rate: 0.19 }] }],
    });
    const settings = { ...MAPPED_SETTINGS, companyCurrency: 'EUR', taxAccounts: { 'MwSt 19%': 'MwSt 19 - SD', 'MwSt 7%': 'MwSt 7 - SD' }, roundingAccount: null };
    const so = salesOrder(plan(order, settings)).doc;
    expect(rows(so).map((row) => [row.account_head, row.description, row.tax_amount])).toEqual([
      ['MwSt 19 - SD', 'MwSt 19%', 6.48],
      ['MwSt 7 - SD', 'MwSt 7%', 1.26],
      ['Freight and Forwarding Charges - SD', 'DHL Paket', 4.12],
    ]);
    expect(so.discount_amount).toBe(0);
  });

  test('tax-exclusive orders keep their booking: list prices, the discount as header discount, "State Tax 6%"', () => {
    const so = salesOrder(plan(simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }], discount: { code: 'TEN', percentage: 10 } }), MAPPED_SETTINGS)).doc;
    expect(cents(so.discount_amount)).toBeGreaterThan(0);
    expect(rows(so)[0]).toMatchObject({ account_head: 'Sales Tax - SD', description: 'State Tax 6%' });
  });

  test('a remainder without a rounding account is a mapping failure naming the line; no remainder needs no account', () => {
    const failed = plan(includedTaxOrder(NZD_ORDER), { ...NZ_SETTINGS, roundingAccount: null });
    expect(failed.failure?.code).toBe('mapping.rounding_account_unmapped');
    expect(describeFailure(failed.failure!)).toBe(
      'Order #4400 has line "Merino Jumper" whose net amount cannot be split into equal unit rates (0.01 left over), but no rounding account is configured; set mapping.roundingAccount to the ERPNext account that books rounding differences (for example Round Off), then retry.',
    );
    const divisible = { ...NZD_ORDER, lines: [NZD_ORDER.lines[1]!] };
    expect(plan(includedTaxOrder(divisible), { ...NZ_SETTINGS, roundingAccount: null }).outcome).toBe('applied');
  });
});

describe('credit notes of taxes-included orders follow the same rules and equal the money refunded', () => {
  test('one jumper and the shipping back: the net rate, GST of both on the GST account, freight net, no discount', () => {
    const order = includedTaxOrder({ ...NZD_ORDER, refunds: [{ lines: [{ index: 0, quantity: 1 }], shipping: true }] });
    const note = creditNote(plan(order));
    expect(Math.abs(Number(note.set.discount_amount))).toBe(0);
    expect(note.tableEdits[0]!.rows).toEqual([{ match: '5000', set: { qty: -1 } }]);
    // Refunded: 179.91 (a jumper after its discount share, GST inside) + 31.05 shipping = 210.96.
    expect(rows(note.set).map((row) => [row.account_head, row.tax_amount])).toEqual([
      ['GST - SD', -27.52],
      ['Freight and Forwarding Charges - SD', -27],
    ]);
    expect(-156.44 * 100 + rows(note.set).reduce((sum, row) => sum + cents(row.tax_amount), 0)).toBe(-21096);
  });

  test('both jumpers back: the cent the invoice put on rounding comes back from rounding', () => {
    const order = includedTaxOrder({ ...NZD_ORDER, refunds: [{ lines: [{ index: 0, quantity: 2 }], shipping: false }] });
    const note = creditNote(plan(order));
    expect(rows(note.set).map((row) => [row.account_head, row.tax_amount])).toEqual([
      ['GST - SD', -46.93],
      ['Round Off - SD', -0.01],
    ]);
    expect(2 * -15644 + rows(note.set).reduce((sum, row) => sum + cents(row.tax_amount), 0)).toBe(-35982);
  });
});
