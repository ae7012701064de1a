import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { Operation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import type { ShopifyOrder } from './shopify-order';
import { siteDateTimeOf } from './site-date-time';

const MAKE_DELIVERY_NOTE = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';

/**
 * When the store fulfils in Shopify, each successful Shopify fulfillment becomes one submitted
 * Delivery Note, posted at the fulfillment's instant on the site's clock,, drafted by ERPNext's make_delivery_note (rows carry so_detail) and cut to the
 * fulfilled lines and quantities. Stock leaves the warehouse of the location that fulfilled them when
 * that location is mapped, else the order line's warehouse.
 */
export function ensureDeliveryNotes(shop: string, order: ShopifyOrder, salesOrderKey: string, settings: SyncSettings): Operation[] {
  return order.fulfillments
    .filter((fulfillment) => fulfillment.status === 'success' && fulfillment.lines.length > 0)
    .map((fulfillment) => {
      const key = operationKey(OPERATION_KINDS.deliveryNote, shop, fulfillment.id);
      const posted = siteDateTimeOf(fulfillment.createdAt, settings.erpnextTimeZone) ?? siteDateTimeOf(order.updatedAt, settings.erpnextTimeZone);
      const warehouse = fulfillment.locationId === null ? undefined : settings.locationWarehouses[fulfillment.locationId];
      return {
        key,
        kind: 'ensure_mapped_document',
        doctype: 'Delivery Note',
        method: MAKE_DELIVERY_NOTE,
        args: { source_name: { $ref: salesOrderKey } },
        set: {
          ...(posted === null ? {} : { posting_date: posted.date, posting_time: posted.time, set_posting_time: 1 }),
          lr_no: fulfillment.trackingNumber ?? '',
          shopsync_key: key,
          shopify_order_id: order.id,
          shopify_shop: shop,
        },
        tableEdits: [
          {
            table: 'items',
            matchField: 'shopify_line_item_id',
            rows: fulfillment.lines.map((line) => ({ match: line.lineItemId, set: { qty: line.quantity, ...(warehouse === undefined ? {} : { warehouse }) } })),
            dropUnmatched: true,
          },
        ],
        submit: true,
        dependsOn: [salesOrderKey],
      } satisfies Operation;
    });
}
