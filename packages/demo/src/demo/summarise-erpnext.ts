import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';
import { erpnextFindings } from './erpnext-findings';

/** The documents the demo's `documentsMissing` counts: payments, refunds and paid orders without their Payment Entry, credit note or invoice. */
const DEMO_OWED = new Set(['payment-entry', 'credit-note', 'sales-invoice']);

/**
 * The demo's counts of what ERPNext holds, from the shared findings (erpnext-findings.ts): counted in
 * the ERPNext simulator itself, not in shopsync's own state, and checked against the Shopify
 * simulator to the cent. Sales Orders count once per order: one an amendment replaced after an edit
 * is not a booking.
 */
export function summariseErpnext(erp: ErpnextSimulator, shopify: ShopifySimulator) {
  const findings = erpnextFindings(erp, shopify, { deliveries: false });
  const { ledger } = findings;
  const orders = new Set(ledger.salesOrders.map((doc) => String(doc.shopify_order_id)));
  return {
    customers: ledger.customers.length,
    salesOrders: orders.size,
    submittedSalesOrders: ledger.salesOrders.filter((doc) => doc.docstatus === 1).length,
    cancelledSalesOrders: ledger.salesOrders.filter((doc) => doc.docstatus === 2).length,
    amendedSalesOrders: ledger.allSalesOrders.filter((doc) => typeof doc.amended_from === 'string').length,
    duplicatesInErpnext: ledger.salesOrders.length - orders.size,
    salesInvoices: ledger.invoices.length,
    paymentEntries: ledger.payments.length,
    creditNotes: ledger.creditNotes.length,
    refundPayments: ledger.refunds.length,
    duplicateInvoicesOrPayments: findings.duplicateDocuments.length + findings.unexpected.length,
    totalsNotMatchingShopify: findings.amounts.length,
    documentsMissing: findings.missing.filter((entry) => DEMO_OWED.has(entry.kind)).length,
    syncLogs: erp.docs('Sync Log').length,
  };
}
