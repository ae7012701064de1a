import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { EnsureMappedDocumentOperation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import type { ShopifyOrder } from './shopify-order';

const MAKE_SALES_INVOICE = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
const GET_PAYMENT_ENTRY = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';

/** The Sales Invoice, drafted by ERPNext's own mapper so every row carries sales_order and so_detail. */
export function ensureSalesInvoice(shop: string, order: ShopifyOrder, orderDate: string, salesOrderKey: string): EnsureMappedDocumentOperation {
  const key = operationKey(OPERATION_KINDS.salesInvoice, shop, order.id);
  return {
    key,
    kind: 'ensure_mapped_document',
    doctype: 'Sales Invoice',
    method: MAKE_SALES_INVOICE,
    args: { source_name: { $ref: salesOrderKey } },
    set: { posting_date: orderDate, set_posting_time: 1, due_date: orderDate, shopsync_key: key, shopify_order_id: order.id, shopify_shop: shop },
    tableEdits: [],
    submit: true,
    dependsOn: [salesOrderKey],
  };
}

/**
 * One Payment Entry for the money Shopify received, through the order's gateway mapped to a Mode of
 * Payment and account. COD and manual gateways are gateways like any other: they need a mapping.
 */
export function ensurePaymentEntry(
  shop: string,
  order: ShopifyOrder,
  orderDate: string,
  invoiceKey: string,
  settings: SyncSettings,
  subject: FailureSubject,
): EnsureMappedDocumentOperation | Failure {
  const gateway = order.gatewayNames[0] ?? 'manual';
  const mapping = settings.paymentGateways[gateway];
  if (mapping === undefined) return coreFailure('mapping.gateway_unmapped', subject, { gateway });
  const key = operationKey(OPERATION_KINDS.paymentEntry, shop, order.id);
  return {
    key,
    kind: 'ensure_mapped_document',
    doctype: 'Payment Entry',
    method: GET_PAYMENT_ENTRY,
    args: { dt: 'Sales Invoice', dn: { $ref: invoiceKey } },
    set: {
      posting_date: orderDate,
      mode_of_payment: mapping.modeOfPayment,
      paid_to: mapping.account,
      reference_no: `${order.name} (${gateway})`,
      reference_date: orderDate,
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_shop: shop,
    },
    tableEdits: [],
    submit: true,
    dependsOn: [invoiceKey],
  };
}
