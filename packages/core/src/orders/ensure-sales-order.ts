import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { EnsureDocumentOperation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { addDays } from './calendar-date';
import type { ShopifyOrder } from './shopify-order';

/** A submitted Sales Order for the order, booked to the customer made by `customerKey`. */
export function ensureSalesOrder(
  shop: string,
  order: ShopifyOrder,
  orderDate: string,
  customerKey: string,
  settings: SyncSettings,
): EnsureDocumentOperation {
  const key = operationKey(OPERATION_KINDS.salesOrder, shop, order.id);
  const deliveryDate = addDays(orderDate, settings.deliveryDays);
  return {
    key,
    kind: 'ensure_document',
    doctype: 'Sales Order',
    doc: {
      customer: { $ref: customerKey },
      company: settings.company,
      order_type: 'Sales',
      transaction_date: orderDate,
      delivery_date: deliveryDate,
      currency: order.currency,
      po_no: order.name,
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_order_name: order.name,
      shopify_shop: shop,
      items: order.lineItems
        .filter((line) => line.quantity > 0)
        .map((line) => ({
          item_code: line.sku as string,
          qty: line.quantity,
          rate: Number(line.price),
          warehouse: settings.defaultWarehouse,
          delivery_date: deliveryDate,
        })),
    },
    submit: true,
    dependsOn: [customerKey],
  };
}
