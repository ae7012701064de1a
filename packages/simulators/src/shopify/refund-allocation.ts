import { currentQuantity } from './line-quantities';
import { ShopifySimulatorInputError } from './shop-inputs';
import type { LineItemRecord, OrderRecord } from './types';

/**
 * Shopify's answer to a refund of more units than a line has left: refundCreate's userError on
 * `refundLineItems.N.quantity` (REST: `{"errors":{"refund_line_items.quantity":["cannot refund more
 * items than were purchased"]}}`), as integrations quote it.
 */
export const MORE_THAN_PURCHASED = 'Quantity cannot refund more items than were purchased';

export interface RefundWanted {
  sku: string;
  quantity?: number;
}

export interface RefundTake {
  line: LineItemRecord;
  quantity: number;
}

/**
 * Turns the driver's "refund N of SKU" into quantities per line item, which is what Shopify refunds.
 * An order can carry one SKU on several lines (a line split by an edit, two listings sharing a SKU),
 * so units are taken, in line order, from lines that still have refundable units, counting what
 * earlier entries of the same refund already took: no line is refunded below zero. Asking for more
 * units than the SKU's lines have left is refused whole, as Shopify refuses the refund.
 */
export function allocateRefund(order: OrderRecord, wanted: readonly RefundWanted[]): RefundTake[] {
  // Insertion order is the order lines were first taken in, so one SKU per line keeps the input's order.
  const taken = new Map<LineItemRecord, number>();
  const left = (line: LineItemRecord): number => currentQuantity(order, line) - (taken.get(line) ?? 0);
  for (const { sku, quantity: asked } of wanted) {
    const lines = order.lines.filter((line) => line.sku === sku);
    if (lines.length === 0) throw new ShopifySimulatorInputError('lines.sku', `order ${order.id} has no line with SKU ${sku}`);
    const refundable = lines.reduce((sum, line) => sum + left(line), 0);
    // Without a quantity the driver means "whatever of this SKU is still refundable".
    const quantity = asked ?? refundable;
    if (asked !== undefined && (!Number.isInteger(asked) || asked < 1)) {
      throw new ShopifySimulatorInputError('lines.quantity', `cannot refund ${String(asked)} of ${sku}: a quantity is a whole number of at least 1`);
    }
    if (quantity < 1 || quantity > refundable) {
      throw new ShopifySimulatorInputError('lines.quantity', `${MORE_THAN_PURCHASED} (${quantity} of ${sku} asked, ${refundable} left)`);
    }
    let rest = quantity;
    for (const line of lines) {
      const take = Math.min(rest, left(line));
      if (take <= 0) continue;
      taken.set(line, (taken.get(line) ?? 0) + take);
      rest -= take;
    }
  }
  return [...taken].map(([line, quantity]) => ({ line, quantity }));
}
