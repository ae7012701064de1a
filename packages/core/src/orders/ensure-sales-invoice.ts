import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { EnsureMappedDocumentOperation } from '../plan/types';
import type { ShopifyOrder } from './shopify-order';

const MAKE_SALES_INVOICE = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';

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
