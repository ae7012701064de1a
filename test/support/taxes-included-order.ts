import { currencyExponent, formatCents } from '@shopsync/core';

/**
 * Taxes-included orders computed the way Shopify computes them, as REST payloads: a line's price
 * holds its tax; discounts are allocated to lines gross; each line's tax is taken out of its
 * discounted gross and rounded per line and title (gross × rate / (1 + Σ rates)); shipping likewise.
 * Refunds give back subtotal (gross, tax inside) and its tax share per line, shipping net + tax.
 */

export interface TaxRate {
  readonly title: string;
  readonly rate: number;
}

export interface IncludedTaxLine {
  readonly sku: string;
  readonly title: string;
  readonly priceCents: number;
  readonly quantity: number;
  readonly discountCents: number;
  readonly taxes: readonly TaxRate[];
}

export interface IncludedTaxShipping {
  readonly title: string;
  readonly priceCents: number;
  readonly taxes: readonly TaxRate[];
}

export interface IncludedTaxRefund {
  readonly lines: ReadonlyArray<{ readonly index: number; readonly quantity: number }>;
  readonly shipping: boolean;
}

export interface IncludedTaxSpec {
  readonly currency: string;
  readonly lines: readonly IncludedTaxLine[];
  readonly shipping: readonly IncludedTaxShipping[];
  readonly refunds?: readonly IncludedTaxRefund[];
}

/** A decimal string in the currency's own decimals (minor units in, "12.345" out for KWD). */
export const amount = (units: number, exponent = 2): string => formatCents(units, exponent);
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const share = (cents: number, part: number, whole: number): number => Math.round((cents * part) / whole);

/** Shopify's included tax of a gross amount, one entry per title, each rounded to the cent. */
export function includedTax(grossCents: number, taxes: readonly TaxRate[]): Array<TaxRate & { cents: number }> {
  const total = sum(taxes.map((tax) => tax.rate));
  return taxes.map((tax) => ({ ...tax, cents: Math.round((grossCents * tax.rate) / (1 + total)) }));
}

/** What Shopify counts as a line's revenue: qty × price − discount allocations − its tax lines. */
export function shopifyNet(line: IncludedTaxLine): number {
  const gross = line.quantity * line.priceCents - line.discountCents;
  return gross - sum(includedTax(gross, line.taxes).map((tax) => tax.cents));
}

const money = (units: number, currency: string) => {
  const text = amount(units, currencyExponent(currency));
  return { shop_money: { amount: text, currency_code: currency }, presentment_money: { amount: text, currency_code: currency } };
};
const plain = (units: number, currency: string) => amount(units, currencyExponent(currency));
const taxLinesJson = (gross: number, taxes: readonly TaxRate[], currency: string) =>
  includedTax(gross, taxes).map((tax) => ({ title: tax.title, rate: tax.rate, price: plain(tax.cents, currency), price_set: money(tax.cents, currency) }));

function refundJson(spec: IncludedTaxSpec, refund: IncludedTaxRefund, index: number) {
  const id = 9100 + index;
  const lines = refund.lines.map(({ index: lineIndex, quantity }) => {
    const line = spec.lines[lineIndex]!;
    const gross = line.quantity * line.priceCents - line.discountCents;
    const tax = share(sum(includedTax(gross, line.taxes).map((t) => t.cents)), quantity, line.quantity);
    const subtotal = quantity * line.priceCents - share(line.discountCents, quantity, line.quantity);
    return { quantity, restock_type: 'no_restock', subtotal, tax, lineId: 5000 + lineIndex };
  });
  const shippingLines = refund.shipping ? spec.shipping.map((ship) => ({ gross: ship.priceCents, tax: sum(includedTax(ship.priceCents, ship.taxes).map((t) => t.cents)) })) : [];
  const refunded = sum(lines.map((line) => line.subtotal)) + sum(shippingLines.map((ship) => ship.gross));
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Refund/${id}`,
    order_id: 4400,
    created_at: '2026-11-28T09:00:00+13:00',
    refund_line_items: lines.map((line) => ({
      quantity: line.quantity,
      restock_type: line.restock_type,
      subtotal_set: money(line.subtotal, spec.currency),
      total_tax_set: money(line.tax, spec.currency),
      line_item: { id: line.lineId, admin_graphql_api_id: `gid://shopify/LineItem/${line.lineId}` },
    })),
    refund_shipping_lines: shippingLines.map((ship) => ({ subtotal_amount_set: money(ship.gross - ship.tax, spec.currency), tax_amount_set: money(ship.tax, spec.currency) })),
    order_adjustments: [],
    transactions: [{ admin_graphql_api_id: `gid://shopify/OrderTransaction/7${id}`, kind: 'refund', status: 'success', gateway: 'shopify_payments', amount: plain(refunded, spec.currency), amount_set: money(refunded, spec.currency) }],
  };
}

/** A paid (or partly refunded) taxes-included order, as the orders/* webhook carries it. */
export function includedTaxOrder(spec: IncludedTaxSpec): Record<string, unknown> {
  const c = spec.currency;
  const refunded = (index: number) => sum((spec.refunds ?? []).flatMap((refund) => refund.lines.filter((line) => line.index === index).map((line) => line.quantity)));
  const lineItems = spec.lines.map((line, index) => {
    const gross = line.quantity * line.priceCents - line.discountCents;
    return {
      id: 5000 + index,
      admin_graphql_api_id: `gid://shopify/LineItem/${5000 + index}`,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      current_quantity: line.quantity - refunded(index),
      price: plain(line.priceCents, c),
      price_set: money(line.priceCents, c),
      gift_card: false,
      taxable: line.taxes.length > 0,
      discount_allocations: line.discountCents > 0 ? [{ amount: plain(line.discountCents, c), amount_set: money(line.discountCents, c), discount_application_index: 0 }] : [],
      tax_lines: taxLinesJson(gross, line.taxes, c),
      duties: [],
    };
  });
  const shippingLines = spec.shipping.map((ship, index) => ({
    id: 6000 + index,
    title: ship.title,
    price: plain(ship.priceCents, c),
    discounted_price: plain(ship.priceCents, c),
    discounted_price_set: money(ship.priceCents, c),
    tax_lines: taxLinesJson(ship.priceCents, ship.taxes, c),
  }));
  const lineGross = sum(spec.lines.map((line) => line.quantity * line.priceCents - line.discountCents));
  const total = lineGross + sum(spec.shipping.map((ship) => ship.priceCents));
  const tax = sum([...spec.lines.map((l) => ({ gross: l.quantity * l.priceCents - l.discountCents, taxes: l.taxes })), ...spec.shipping.map((s) => ({ gross: s.priceCents, taxes: s.taxes }))].flatMap(({ gross, taxes }) => includedTax(gross, taxes).map((t) => t.cents)));
  const refunds = (spec.refunds ?? []).map((refund, index) => refundJson(spec, refund, index));
  return {
    id: 4400,
    admin_graphql_api_id: 'gid://shopify/Order/4400',
    name: '#4400',
    created_at: '2026-11-27T10:00:00+13:00',
    updated_at: '2026-11-27T10:05:00+13:00',
    currency: c,
    presentment_currency: c,
    financial_status: refunds.length === 0 ? 'paid' : 'partially_refunded',
    fulfillment_status: null,
    taxes_included: true,
    test: false,
    customer: null,
    line_items: lineItems,
    shipping_lines: shippingLines,
    total_price: plain(total, c),
    total_price_set: money(total, c),
    total_tax: plain(tax, c),
    total_tax_set: money(tax, c),
    payment_gateway_names: ['shopify_payments'],
    refunds,
  };
}
