import fc from 'fast-check';
import type { IncludedTaxSpec, TaxRate } from './taxes-included-order';

/** Titles as shops name them: some carry their rate ("MwSt 19%"), some do not ("GST"). */
export const TAX_RATES: readonly TaxRate[] = [
  { title: 'GST', rate: 0.15 },
  { title: 'VAT 20%', rate: 0.2 },
  { title: 'MwSt 19%', rate: 0.19 },
  { title: 'MwSt 7%', rate: 0.07 },
  { title: 'PST', rate: 0.07 },
];
export const SKUS = ['SKU-1001', 'SKU-1002', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006', 'SKU-1007', 'SKU-1008'];

const taxes = fc.subarray([...TAX_RATES], { minLength: 0, maxLength: 2 });

const line = fc
  .record({ sku: fc.constantFrom(...SKUS), priceCents: fc.integer({ min: 1, max: 50_000 }), quantity: fc.integer({ min: 1, max: 7 }), discountPercent: fc.integer({ min: 0, max: 50 }), taxes })
  .map(({ discountPercent, ...rest }) => ({ ...rest, title: `Product ${rest.sku}`, discountCents: Math.floor((rest.priceCents * rest.quantity * discountPercent) / 100) }));

const shipping = fc.record({ title: fc.constantFrom('Standard', 'Express', 'Pickup'), priceCents: fc.integer({ min: 1, max: 5_000 }), taxes });

/**
 * Internally consistent taxes-included orders: 1–4 lines (quantities, gross discounts, 0–2 tax
 * titles each), 0–2 taxed shipping lines, and optionally one refund of some units (and shipping).
 */
export const includedTaxSpec = (currency = 'USD'): fc.Arbitrary<IncludedTaxSpec> =>
  fc
    .record({ lines: fc.array(line, { minLength: 1, maxLength: 4 }), shipping: fc.array(shipping, { maxLength: 2 }), refund: fc.option(fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), shipping: fc.boolean() })) })
    .map(({ lines, shipping: ships, refund }) => {
      // Line titles must tell lines apart in the rounding row's description.
      const named = lines.map((l, index) => ({ ...l, title: `${l.title} #${index + 1}` }));
      if (refund === null) return { currency, lines: named, shipping: ships };
      const indexes = [...new Set(refund.picks.map((pick) => pick % named.length))];
      const refundLines = indexes.map((index) => ({ index, quantity: 1 + (refund.picks[0]! % named[index]!.quantity) }));
      return { currency, lines: named, shipping: ships, refunds: [{ lines: refundLines, shipping: refund.shipping && ships.length > 0 }] };
    });
