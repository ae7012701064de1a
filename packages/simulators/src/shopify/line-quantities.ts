import type { LineItemRecord, OrderRecord } from './types';

// Shopify's line quantities: `quantity` never goes down; edits remove units and refunds give them
// back, and `current_quantity` is what is left after both.

/** Units on the line after edits, refunded units included: what its money fields describe. */
export function effectiveQuantity(line: Pick<LineItemRecord, 'quantity' | 'removedQuantity'>): number {
  return line.quantity - line.removedQuantity;
}

export function refundedQuantity(order: OrderRecord, lineItemId: number): number {
  return order.refunds.flatMap((refund) => refund.lines).filter((line) => line.lineItemId === lineItemId).reduce((sum, line) => sum + line.quantity, 0);
}

/** REST current_quantity, GraphQL currentQuantity and refundableQuantity. */
export function currentQuantity(order: OrderRecord, line: LineItemRecord): number {
  return effectiveQuantity(line) - refundedQuantity(order, line.id);
}
