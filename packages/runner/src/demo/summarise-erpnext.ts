import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';

type Doc = Readonly<Record<string, unknown>>;

/** How many documents share a Shopify id beyond the first: each one is a duplicate booking. */
function duplicatesBy(docs: readonly Doc[], field: string): { distinct: number; duplicates: number } {
  const seen = new Map<string, number>();
  for (const doc of docs) seen.set(String(doc[field]), (seen.get(String(doc[field])) ?? 0) + 1);
  return { distinct: seen.size, duplicates: [...seen.values()].reduce((sum, count) => sum + count - 1, 0) };
}

const cents = (value: unknown) => Math.round(Number(value) * 100);
const PAID = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);

/**
 * Counted in the ERPNext simulator itself, not in shopsync's own state: the ground truth. Sales
 * Orders count once per order: one an amendment replaced after an edit is not a booking. Money is
 * checked against the Shopify simulator: every Sales Order and invoice against the order's total,
 * every Payment Entry against its transaction, every credit note and refund payment against the
 * money refunded — to the cent.
 */
export function summariseErpnext(erp: ErpnextSimulator, shopify: ShopifySimulator) {
  const synced = (doctype: string) => erp.docs(doctype).filter((doc) => typeof doc.shopify_order_id === 'string');
  const orders = new Map([...shopify.shop.orders.byId.keys()].map((id) => [String(id), shopify.driver.getOrder(id)]));
  const allSalesOrders = synced('Sales Order');
  // A Sales Order an amendment replaced (after an edit in Shopify) is history, not a second booking.
  const replaced = new Set(allSalesOrders.map((doc) => doc.amended_from).filter((name) => typeof name === 'string'));
  const salesOrders = allSalesOrders.filter((doc) => !replaced.has(doc.name));
  const invoices = synced('Sales Invoice').filter((doc) => doc.is_return !== 1 && doc.docstatus === 1);
  const creditNotes = synced('Sales Invoice').filter((doc) => doc.is_return === 1 && doc.docstatus === 1);
  const payments = synced('Payment Entry').filter((doc) => doc.payment_type === 'Receive' && doc.docstatus === 1);
  const refunds = synced('Payment Entry').filter((doc) => doc.payment_type === 'Pay' && doc.docstatus === 1);
  const refundedCents = (doc: Doc) => {
    const order = orders.get(String(doc.shopify_order_id));
    return (order?.refunds ?? []).reduce((sum: number, refund) => sum + cents((refund as { transactions: Array<{ amount: string }> }).transactions[0]?.amount), 0);
  };
  const totalOf = (doc: Doc) => cents(orders.get(String(doc.shopify_order_id))?.total_price);
  const mismatched = [
    ...salesOrders.filter((doc) => cents(doc.grand_total) !== totalOf(doc)),
    ...invoices.filter((doc) => cents(doc.grand_total) !== totalOf(doc)),
    // The simulated orders are paid in one transaction for the full amount.
    ...payments.filter((doc) => cents(doc.paid_amount) !== totalOf(doc)),
    ...creditNotes.filter((doc) => -cents(doc.grand_total) !== refundedCents(doc)),
    ...refunds.filter((doc) => cents(doc.paid_amount) !== refundedCents(doc)),
  ];
  const byOrder = duplicatesBy(salesOrders, 'shopify_order_id');
  // What Shopify holds and ERPNext must too: a Payment Entry per payment, a credit note per refund, an invoice per paid order.
  const shop = shopify.shop.domain;
  const keys = new Set([...payments, ...refunds, ...invoices, ...creditNotes].map((doc) => String(doc.shopsync_key)));
  const owed = [...orders.entries()].flatMap(([id, order]) => [
    ...shopify.shop.transactions.of(Number(id)).filter((tx) => tx.kind === 'SALE' || tx.kind === 'CAPTURE').map((tx) => `payment-entry:${shop}:${tx.id}`),
    ...order.refunds.map((refund) => `credit-note:${shop}:${String((refund as { id: unknown }).id)}`),
    ...(order.cancelled_at === null && PAID.has(String(order.financial_status)) ? [`sales-invoice:${shop}:${id}`] : []),
  ]);
  return {
    customers: erp.countDocs('Customer', (doc) => typeof doc.shopsync_key === 'string'),
    salesOrders: byOrder.distinct,
    submittedSalesOrders: salesOrders.filter((doc) => doc.docstatus === 1).length,
    cancelledSalesOrders: salesOrders.filter((doc) => doc.docstatus === 2).length,
    amendedSalesOrders: allSalesOrders.filter((doc) => typeof doc.amended_from === 'string').length,
    duplicatesInErpnext: byOrder.duplicates,
    salesInvoices: invoices.length,
    paymentEntries: payments.length,
    creditNotes: creditNotes.length,
    refundPayments: refunds.length,
    duplicateInvoicesOrPayments: [invoices, payments, creditNotes, refunds].reduce((sum, docs) => sum + duplicatesBy(docs, 'shopsync_key').duplicates, 0) + duplicatesBy(invoices, 'shopify_order_id').duplicates,
    totalsNotMatchingShopify: mismatched.length,
    documentsMissing: owed.filter((key) => !keys.has(key)).length,
    syncLogs: erp.docs('Sync Log').length,
  };
}
