import type { ShopifyLineItem } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

/**
 * The units of a line the Sales Order holds: what is on the order after edits, refunded units
 * included (their credit notes give them back). Shopify's `quantity` never goes down and its
 * `current_quantity` drops for both edits and refunds, so edits are `quantity − current − refunded`.
 * Both inputs must describe the same moment: a refund in `refunds` is already out of current_quantity
 * (a refund added to an older state goes through order-with-refund.ts), or its units count twice.
 */
export function orderedQuantity(line: ShopifyLineItem, refunds: readonly ShopifyRefund[]): number {
  let refunded = 0;
  for (const refund of refunds) for (const refundLine of refund.lines) if (refundLine.lineItemId === line.id) refunded += refundLine.quantity;
  return Math.min(line.quantity, line.currentQuantity + refunded);
}
