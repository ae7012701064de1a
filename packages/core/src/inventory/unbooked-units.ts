import type { ShopifyOrder } from '../orders/shopify-order';

/**
 * The oversell guard's input: units of each SKU in Shopify orders that ERPNext has not booked yet
 * (their order event is pending, retrying or parked). Shopify took them off `available` when the
 * order was placed, ERPNext's Bins do not hold them as reserved yet: a push of the Bins alone would
 * offer them again. They count at the location whose warehouse the Sales Order will reserve in —
 * the order's own location when it is mapped, else the location the default warehouse counts into
 * (its own, or one it is an extra stock warehouse of) — and only while the order is open (a
 * cancelled order gave them back).
 */
export function unbookedUnits(
  orders: readonly ShopifyOrder[],
  locationWarehouses: Readonly<Record<string, string>>,
  defaultWarehouse: string,
  extraStockWarehouses: Readonly<Record<string, readonly string[]>> = {},
): Map<string, Map<string, number>> {
  // A warehouse that is a location's own wins over one listed as another location's extra.
  const locationOfWarehouse = new Map<string, string>();
  for (const [location, warehouses] of Object.entries(extraStockWarehouses)) for (const warehouse of warehouses) locationOfWarehouse.set(warehouse, location);
  for (const [location, warehouse] of Object.entries(locationWarehouses)) locationOfWarehouse.set(warehouse, location);
  const defaultLocation = locationOfWarehouse.get(defaultWarehouse) ?? null;
  const out = new Map<string, Map<string, number>>();
  for (const order of orders) {
    if (order.cancelledAt !== null) continue;
    const locationId = order.locationId !== null && Object.hasOwn(locationWarehouses, order.locationId) ? order.locationId : defaultLocation;
    if (locationId === null) continue;
    const bySku = out.get(locationId) ?? new Map<string, number>();
    for (const line of order.lineItems) {
      if (line.sku === null || line.giftCard || line.currentQuantity <= 0) continue;
      bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.currentQuantity);
    }
    out.set(locationId, bySku);
  }
  return out;
}
