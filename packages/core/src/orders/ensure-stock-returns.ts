import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { Operation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';
import { returnedUnits, type ReturnedRow } from './returned-units';
import { siteDateTimeOf } from './site-date-time';

const MAKE_DELIVERY_RETURN = 'erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return';

/**
 * Restock per Shopify's restock type, when Shopify is where the store ships from (its fulfillments are
 * shopsync's Delivery Notes): refunded lines with restock type `return` come back into stock through a
 * return Delivery Note against the delivery that shipped them (ERPNext's make_sales_return), cut to those
 * lines and quantities, never more than shipped and not yet returned (returned-units.ts). `cancel`
 * lines never left the warehouse and `no_restock` ones stay out, so neither moves stock. With ERPNext as the fulfillment authority, returns are ERPNext's own documents.
 */
export function ensureStockReturns(shop: string, order: ShopifyOrder, refund: ShopifyRefund, settings: SyncSettings, returned = returnedUnits(order)): Operation[] {
  const byFulfillment = returned.get(refund.id) ?? new Map<string, ReturnedRow[]>();
  const posted = siteDateTimeOf(refund.createdAt, settings.erpnextTimeZone) ?? siteDateTimeOf(order.updatedAt, settings.erpnextTimeZone);
  return [...byFulfillment].map(([fulfillmentId, rows]) => {
    const deliveryKey = operationKey(OPERATION_KINDS.deliveryNote, shop, fulfillmentId);
    const key = operationKey(OPERATION_KINDS.deliveryReturn, shop, `${refund.id}-${fulfillmentId}`);
    return {
      key,
      kind: 'ensure_mapped_document',
      doctype: 'Delivery Note',
      method: MAKE_DELIVERY_RETURN,
      args: { source_name: { $ref: deliveryKey } },
      set: { ...(posted === null ? {} : { posting_date: posted.date, posting_time: posted.time, set_posting_time: 1 }), shopsync_key: key, shopify_order_id: order.id, shopify_shop: shop },
      tableEdits: [{ table: 'items', matchField: 'shopify_line_item_id', rows: rows.map((row) => ({ match: row.lineId, set: { qty: -row.qty } })), dropUnmatched: true }],
      submit: true,
      dependsOn: [deliveryKey],
    } satisfies Operation;
  });
}
