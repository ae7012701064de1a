import { effectiveQuantity } from './line-quantities';
import { allocateRefund, type RefundWanted } from './refund-allocation';
import { ShopifySimulatorInputError } from './shop-inputs';
import type { ShopifyShop } from './shop-model';
import type { OrderRecord, RefundLineRecord, RefundRecord, ShopifyRestockType } from './types';

export interface RefundOrderInput {
  /**
   * Units to give back by SKU, spread over the lines carrying it (refund-allocation.ts); a missing
   * quantity means all that is left of the SKU. Default none (a shipping-only refund needs `shipping`).
   */
  lines?: RefundWanted[];
  /** Refund the order's (discounted) shipping too. */
  shipping?: boolean;
  restockType?: ShopifyRestockType;
  note?: string;
}

const share = (cents: number, part: number, whole: number): number => Math.round((cents * part) / whole);

/**
 * A refund as Shopify computes it per line: the line's price less its share of the discount, and its
 * share of the tax, for the refunded quantity (never units an edit removed); plus shipping when
 * asked. One REFUND transaction pays it, and the financial status becomes partially_refunded or
 * refunded.
 */
export function refundOrder(shop: ShopifyShop, order: OrderRecord, input: RefundOrderInput): RefundRecord {
  if (order.financialStatus !== 'paid' && order.financialStatus !== 'partially_refunded') {
    throw new ShopifySimulatorInputError('id', `order ${order.id} is ${order.financialStatus}; only paid orders can be refunded`);
  }
  const lines: RefundLineRecord[] = allocateRefund(order, input.lines ?? []).map(({ line, quantity }) => {
    const kept = effectiveQuantity(line);
    return {
      id: shop.ids.next('RefundLineItem'),
      lineItemId: line.id,
      quantity,
      restockType: input.restockType ?? 'return',
      subtotalCents: quantity * line.unitPriceCents - share(line.discountCents, quantity, kept),
      taxCents: share(line.taxCents, quantity, kept),
    };
  });
  // Prices that include tax: a refund line's subtotal already holds its tax, so the money back is the
  // subtotal alone; refunded shipping is reported net (subtotal_amount) with its tax apart (tax_amount).
  // This is how connectors read Shopify's refunds of such orders (Business Central's, for one); no
  // recorded taxes-included refund payload is at hand to confirm it; core reads it the same way.
  const included = order.tax.taxesIncluded;
  const shippingTaxCents = input.shipping === true ? order.shippingLines.reduce((sum, line) => sum + line.taxCents, 0) : 0;
  const shippingGrossCents = input.shipping === true ? order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0) : 0;
  const shippingCents = included ? shippingGrossCents - shippingTaxCents : shippingGrossCents;
  const amountCents = lines.reduce((sum, line) => sum + line.subtotalCents + (included ? 0 : line.taxCents), 0) + shippingCents + shippingTaxCents;
  if (amountCents <= 0) throw new ShopifySimulatorInputError('lines', 'a refund needs lines or shipping to give back');
  order.updatedAt = shop.changeInstant(order.updatedAt);
  const refund: RefundRecord = {
    id: shop.ids.next('Refund'),
    createdAt: order.updatedAt,
    note: input.note ?? null,
    lines,
    shippingCents,
    shippingTaxCents,
    transactionId: shop.transactions.refunded(order, amountCents),
    amountCents,
    gateway: order.paymentGatewayNames[0] ?? 'manual',
  };
  order.refunds.push(refund);
  const refundedTotal = order.refunds.reduce((sum, known) => sum + known.amountCents, 0);
  order.financialStatus = refundedTotal >= shop.transactions.receivedCents(order.id) ? 'refunded' : 'partially_refunded';
  return refund;
}
