import type { OrderRecord, RefundRecord, ShippingLineRecord } from './types';

// What an order's refunds give back, shared by the REST payloads and the GraphQL views so that both
// APIs report the same amounts to the cent.

/** A refund that gives shipping back gives back every shipping line of the order, in full. */
export function refundedShippingLines(refund: RefundRecord, order: OrderRecord): ShippingLineRecord[] {
  return refund.shippingCents === 0 ? [] : order.shippingLines;
}

/**
 * A refunded shipping line's subtotal: net of its tax, which is reported apart (tax_amount). Where
 * prices include tax the line's price holds the tax, so it comes off (shop-refunds.ts says why).
 */
export function refundedShippingSubtotalCents(line: ShippingLineRecord, order: OrderRecord): number {
  return order.tax.taxesIncluded ? line.priceCents - line.taxCents : line.priceCents;
}

export interface RefundedTotals {
  /** Money refunded (the refund transactions): lines, their tax, shipping and its tax. */
  amountCents: number;
  /** Refunded line amounts after their discount share, before tax. */
  subtotalCents: number;
  /** Refunded tax, of lines and shipping. */
  taxCents: number;
  /** Refunded shipping, before tax. */
  shippingCents: number;
}

export function refundedTotals(order: OrderRecord): RefundedTotals {
  const lines = order.refunds.flatMap((refund) => refund.lines);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    amountCents: sum(order.refunds.map((refund) => refund.amountCents)),
    subtotalCents: sum(lines.map((line) => line.subtotalCents)),
    taxCents: sum(order.refunds.map((refund) => refund.shippingTaxCents)) + sum(lines.map((line) => line.taxCents)),
    shippingCents: sum(order.refunds.map((refund) => refund.shippingCents)),
  };
}
