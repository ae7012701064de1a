import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

/**
 * The order as Shopify reports it once this refund exists, built from a state taken before it: the
 * refund joins `refunds`, and its units leave each line's `current_quantity`, which Shopify lowers for
 * refunds as for edits (ordered-quantity.ts). Adding the refund alone would count its units twice —
 * `orderedQuantity` is current_quantity + refunded units, and current_quantity still holds them — so an
 * edited order would book the refunded units again and fail its total (e.g. "would total 36.17 …
 * totals 26.18"). Unedited orders hid it: `quantity` caps the sum. A state already holding the refund
 * is returned as it is, so refunds/create and the orders/updated after it plan the same order.
 */
export function orderWithRefund(order: ShopifyOrder, refund: ShopifyRefund): ShopifyOrder {
  if (order.refunds.some((known) => known.id === refund.id)) return order;
  const refunded = new Map<string, number>();
  for (const line of refund.lines) refunded.set(line.lineItemId, (refunded.get(line.lineItemId) ?? 0) + line.quantity);
  const lineItems = order.lineItems.map((line) => {
    const units = refunded.get(line.id) ?? 0;
    return units === 0 ? line : { ...line, currentQuantity: Math.max(0, line.currentQuantity - units) };
  });
  return { ...order, lineItems, refunds: [...order.refunds, refund] };
}
