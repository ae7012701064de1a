import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

/** Units of one line a refund sends back against one fulfillment. */
export interface ReturnedRow {
  readonly lineId: string;
  readonly qty: number;
}

/** Refunds in the order they were made (ids break a tie), so earlier refunds take the shipped units first. */
function byCreation(a: ShopifyRefund, b: ShopifyRefund): number {
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.createdAt < b.createdAt ? -1 : 1);
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Which shipped units each refund's `return` lines bring back, fulfillment by fulfillment: a unit can
 * come back only once, and only if it left. Refunds take the units in the order they were made, each
 * from the fulfillments in the order Shopify lists them. Units marked `return` beyond what shipped
 * (Shopify's restock type is the merchant's word; a second refund may name a unit already returned)
 * never left the warehouse, so nothing comes back for them — ERPNext would refuse the return
 * ("Item … has already been returned") and park the refund for good. First fit keeps what an earlier
 * plan allocated: the same refund is sent to the same delivery whenever that delivery had the units.
 */
export function returnedUnits(order: ShopifyOrder): Map<string, Map<string, ReturnedRow[]>> {
  const shipped = order.fulfillments.filter((fulfillment) => fulfillment.status === 'success');
  const left = new Map<string, number>();
  for (const fulfillment of shipped) {
    for (const line of fulfillment.lines) {
      const slot = `${fulfillment.id}:${line.lineItemId}`;
      left.set(slot, (left.get(slot) ?? 0) + line.quantity);
    }
  }
  const byRefund = new Map<string, Map<string, ReturnedRow[]>>();
  for (const refund of [...order.refunds].sort(byCreation)) {
    const byFulfillment = new Map<string, ReturnedRow[]>();
    for (const line of refund.lines.filter((candidate) => candidate.restockType === 'return')) {
      let wanted = line.quantity;
      for (const fulfillment of shipped) {
        const slot = `${fulfillment.id}:${line.lineItemId}`;
        const taken = Math.min(wanted, left.get(slot) ?? 0);
        if (taken <= 0) continue;
        left.set(slot, (left.get(slot) ?? 0) - taken);
        wanted -= taken;
        const rows = byFulfillment.get(fulfillment.id) ?? [];
        const same = rows.findIndex((row) => row.lineId === line.lineItemId);
        if (same === -1) rows.push({ lineId: line.lineItemId, qty: taken });
        else rows[same] = { lineId: line.lineItemId, qty: rows[same]!.qty + taken };
        byFulfillment.set(fulfillment.id, rows);
        if (wanted === 0) break;
      }
    }
    byRefund.set(refund.id, byFulfillment);
  }
  return byRefund;
}
