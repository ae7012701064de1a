import type { ErpnextSimulator } from '@shopsync/simulators';

type Doc = Readonly<Record<string, unknown>>;

/** How many documents share a Shopify order id beyond the first: each one is a duplicate booking. */
function duplicatesByOrder(docs: readonly Doc[]): { orders: number; duplicates: number } {
  const perOrder = new Map<string, number>();
  for (const doc of docs) perOrder.set(String(doc.shopify_order_id), (perOrder.get(String(doc.shopify_order_id)) ?? 0) + 1);
  return { orders: perOrder.size, duplicates: [...perOrder.values()].reduce((sum, count) => sum + count - 1, 0) };
}

const synced = (erp: ErpnextSimulator, doctype: string) => erp.docs(doctype).filter((doc) => typeof doc.shopify_order_id === 'string' && doc.docstatus !== 2);

/**
 * Counted in the ERPNext simulator itself, not in shopsync's own state: the ground truth. Money is
 * checked too: every Sales Order's and Sales Invoice's grand total and every Payment Entry's amount
 * against the Shopify order's total, to the cent (the simulated orders are paid in full).
 */
export function summariseErpnext(erp: ErpnextSimulator, shopifyTotals: ReadonlyMap<string, string>) {
  const salesOrders = synced(erp, 'Sales Order');
  const invoices = synced(erp, 'Sales Invoice');
  const payments = synced(erp, 'Payment Entry');
  const orders = duplicatesByOrder(salesOrders);
  const differs = (field: string) => (doc: Doc) => {
    const shopify = shopifyTotals.get(String(doc.shopify_order_id));
    return shopify === undefined || Math.round(Number(doc[field]) * 100) !== Math.round(Number(shopify) * 100);
  };
  const mismatched = [...salesOrders.filter(differs('grand_total')), ...invoices.filter(differs('grand_total')), ...payments.filter(differs('paid_amount'))];
  return {
    customers: erp.countDocs('Customer', (doc) => typeof doc.shopsync_key === 'string'),
    salesOrders: orders.orders,
    submittedSalesOrders: salesOrders.filter((doc) => doc.docstatus === 1).length,
    duplicatesInErpnext: orders.duplicates,
    salesInvoices: invoices.length,
    paymentEntries: payments.length,
    duplicateInvoicesOrPayments: duplicatesByOrder(invoices).duplicates + duplicatesByOrder(payments).duplicates,
    totalsNotMatchingShopify: mismatched.length,
  };
}
