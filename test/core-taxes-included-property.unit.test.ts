import fc from 'fast-check';
import { EMPTY_CONTEXT, currencyExponent, planEvent, type EnsureDocumentOperation, type EnsureMappedDocumentOperation, type SyncSettings } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';
import { includedTaxSpec, TAX_RATES } from './support/taxes-included-arbitrary';
import { includedTax, includedTaxOrder, shopifyNet, type IncludedTaxSpec } from './support/taxes-included-order';

// Each title on its own account, so "each tax booked once on its account" can be checked per title.
const SETTINGS: SyncSettings = { ...MAPPED_SETTINGS, taxAccounts: Object.fromEntries(TAX_RATES.map((tax) => [tax.title, `${tax.title} - SD`])) };
const ROUNDING = 'Round Off - SD';
const FREIGHT = 'Freight and Forwarding Charges - SD';

interface Row {
  account_head: string;
  description: string;
  tax_amount: number;
}
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Per title, the tax Shopify charged on lines and shipping (what the tax rows must carry). */
function taxByTitle(spec: IncludedTaxSpec): Map<string, number> {
  const byTitle = new Map<string, number>();
  const gross = [...spec.lines.map((l) => ({ gross: l.quantity * l.priceCents - l.discountCents, taxes: l.taxes })), ...spec.shipping.map((s) => ({ gross: s.priceCents, taxes: s.taxes }))];
  for (const { gross: amount, taxes } of gross) for (const tax of includedTax(amount, taxes)) byTitle.set(tax.title, (byTitle.get(tax.title) ?? 0) + tax.cents);
  return new Map([...byTitle].filter(([, value]) => value !== 0));
}

function plan(spec: IncludedTaxSpec) {
  const payload = includedTaxOrder(spec);
  const result = planEvent({ shop: SHOP, topic: 'orders/updated', payload }, { ...SETTINGS, companyCurrency: spec.currency }, EMPTY_CONTEXT);
  const so = result.operations.find((op) => op.kind === 'ensure_document' && op.doctype === 'Sales Order') as EnsureDocumentOperation | undefined;
  const note = result.operations.find((op) => op.key.startsWith('credit-note:')) as EnsureMappedDocumentOperation | undefined;
  return { payload, result, so, note };
}

// USD in cents; KWD in fils (three decimals), which the ERPNext amounts must keep.
describe.each(['USD', 'KWD'])('taxes-included orders in %s, generated as Shopify computes them (fast-check)', (currency) => {
  const unit = 10 ** currencyExponent(currency);
  const cents = (value: unknown) => Math.round(Number(value) * unit);

  test('revenue + tax (+ rounding) = Shopify’s total; each line’s revenue = Shopify’s net; each tax once on its account', () => {
    fc.assert(
      fc.property(includedTaxSpec(currency), (spec) => {
        const { payload, result, so } = plan(spec);
        expect(result.failure).toBeNull();
        const doc = so!.doc;
        const items = doc.items as Array<{ shopify_line_item_id: string; qty: number; rate: number }>;
        const taxes = doc.taxes as unknown as Row[];
        expect(doc.discount_amount).toBe(0);
        // Per line: qty × rate is Shopify's net, short by less than a cent per unit, and exact when qty divides it.
        const remainders = spec.lines.map((line, index) => {
          const item = items.find((candidate) => candidate.shopify_line_item_id === String(5000 + index))!;
          const remainder = shopifyNet(line) - item.qty * cents(item.rate);
          expect(item.qty).toBe(line.quantity);
          expect(remainder).toBeGreaterThanOrEqual(0);
          expect(remainder).toBeLessThan(line.quantity);
          if (shopifyNet(line) % line.quantity === 0) expect(remainder).toBe(0);
          return { title: line.title, remainder };
        });
        const rounding = taxes.filter((row) => row.account_head === ROUNDING);
        const leftOver = sum(remainders.map((r) => r.remainder));
        expect(rounding.map((row) => cents(row.tax_amount))).toEqual(leftOver === 0 ? [] : [leftOver]);
        for (const { title, remainder } of remainders) if (remainder > 0) expect(rounding[0]!.description).toContain(`"${title}"`);
        // Each tax: one row, on its title's account, for exactly what Shopify charged under that title.
        const expected = taxByTitle(spec);
        const taxRows = taxes.filter((row) => row.account_head !== ROUNDING && row.account_head !== FREIGHT);
        expect(taxRows.map((row) => row.account_head).sort()).toEqual([...expected.keys()].map((title) => `${title} - SD`).sort());
        for (const row of taxRows) expect(cents(row.tax_amount)).toBe(expected.get(row.account_head.replace(/ - SD$/, '')));
        // Shipping is revenue net of its own tax.
        const shippingNet = sum(spec.shipping.map((s) => s.priceCents - sum(includedTax(s.priceCents, s.taxes).map((t) => t.cents))));
        expect(sum(taxes.filter((row) => row.account_head === FREIGHT).map((row) => cents(row.tax_amount)))).toBe(shippingNet);
        const grand = sum(items.map((item) => item.qty * cents(item.rate))) + sum(taxes.map((row) => cents(row.tax_amount)));
        expect(grand).toBe(cents(payload.total_price));
      }),
      { numRuns: 300 },
    );
  });

  test('a refund’s credit note equals the money refunded, books no discount and gives each tax back on its account', () => {
    fc.assert(
      fc.property(
        includedTaxSpec(currency).filter((spec) => spec.refunds !== undefined),
        (spec) => {
          const { payload, result, so, note } = plan(spec);
          expect(result.failure).toBeNull();
          const rates = new Map((so!.doc.items as Array<{ shopify_line_item_id: string; rate: number }>).map((item) => [item.shopify_line_item_id, cents(item.rate)]));
          const rows = note!.set.taxes as unknown as Row[];
          expect(Math.abs(Number(note!.set.discount_amount))).toBe(0);
          const returned = sum(note!.tableEdits[0]!.rows.map((row) => Number(row.set.qty) * rates.get(String(row.match))!));
          const refund = (payload.refunds as Array<{ transactions: Array<{ amount: string }> }>)[0]!;
          expect(-(returned + sum(rows.map((row) => cents(row.tax_amount))))).toBe(cents(refund.transactions[0]!.amount));
          const titles = new Set(rows.filter((row) => row.account_head !== ROUNDING && row.account_head !== FREIGHT).map((row) => row.account_head));
          expect(titles.size).toBe(rows.filter((row) => row.account_head !== ROUNDING && row.account_head !== FREIGHT).length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
