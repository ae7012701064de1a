import type { ErpnextSimulator } from '@shopsync/simulators';

/** Counted in the ERPNext simulator itself, not in shopsync's own state: the ground truth. */
export function summariseErpnext(erp: ErpnextSimulator) {
  const salesOrders = erp.docs('Sales Order').filter((doc) => typeof doc.shopify_order_id === 'string');
  const perOrder = new Map<string, number>();
  for (const doc of salesOrders) perOrder.set(doc.shopify_order_id as string, (perOrder.get(doc.shopify_order_id as string) ?? 0) + 1);
  return {
    customers: erp.countDocs('Customer', (doc) => typeof doc.shopsync_key === 'string'),
    salesOrders: perOrder.size,
    submittedSalesOrders: salesOrders.filter((doc) => doc.docstatus === 1).length,
    duplicatesInErpnext: [...perOrder.values()].reduce((sum, count) => sum + (count - 1), 0),
  };
}
