import { effectiveQuantity } from './line-quantities';
import { allocateCents, roundCents } from './money';
import type { DiscountRecord, LineItemRecord, OrderRecord, ShippingLineRecord, TaxPolicy } from './types';

type PricedLine = Pick<LineItemRecord, 'unitPriceCents' | 'quantity' | 'removedQuantity' | 'taxable'>;

/**
 * Fill in discount allocations and taxes. Order of operations follows Shopify: the code discount is
 * spread over lines by their price, and tax is charged on the discounted line amount. Units an edit
 * removed carry neither.
 */
export function priceOrderLines<L extends PricedLine, S extends Pick<ShippingLineRecord, 'priceCents'>>(
  lines: readonly L[],
  shippingLines: readonly S[],
  discount: DiscountRecord | null,
  tax: TaxPolicy,
): { lines: (L & { discountCents: number; taxCents: number })[]; shippingLines: (S & { taxCents: number })[] } {
  const gross = lines.map((l) => l.unitPriceCents * effectiveQuantity(l));
  const discountTotal = discount ? roundCents((gross.reduce((a, b) => a + b, 0) * discount.percentage) / 100) : 0;
  const allocations = allocateCents(discountTotal, gross);
  const pricedLines = lines.map((line, i) => {
    const discountCents = allocations[i] ?? 0;
    const net = (gross[i] ?? 0) - discountCents;
    return { ...line, discountCents, taxCents: line.taxable ? taxOn(net, tax) : 0 };
  });
  const pricedShipping = shippingLines.map((s) => ({ ...s, taxCents: tax.taxShipping ? taxOn(s.priceCents, tax) : 0 }));
  return { lines: pricedLines, shippingLines: pricedShipping };
}

function taxOn(amountCents: number, tax: TaxPolicy): number {
  // With taxes included the price already contains the tax: extract it instead of adding it.
  return tax.taxesIncluded ? roundCents(amountCents - amountCents / (1 + tax.rate)) : roundCents(amountCents * tax.rate);
}

export interface OrderTotals {
  lineItemsCents: number;
  discountsCents: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  weightGrams: number;
}

/** The order-level money fields after edits, before refunds, derived from the lines so they can never disagree with them. */
export function orderTotals(order: Pick<OrderRecord, 'lines' | 'shippingLines' | 'tax'>): OrderTotals {
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const lineItemsCents = sum(order.lines.map((l) => l.unitPriceCents * effectiveQuantity(l)));
  const discountsCents = sum(order.lines.map((l) => l.discountCents));
  const subtotalCents = lineItemsCents - discountsCents;
  const shippingCents = sum(order.shippingLines.map((s) => s.priceCents));
  const taxCents = sum(order.lines.map((l) => l.taxCents)) + sum(order.shippingLines.map((s) => s.taxCents));
  const totalCents = subtotalCents + shippingCents + (order.tax.taxesIncluded ? 0 : taxCents);
  const weightGrams = sum(order.lines.map((l) => l.grams * effectiveQuantity(l)));
  return { lineItemsCents, discountsCents, subtotalCents, shippingCents, taxCents, totalCents, weightGrams };
}
