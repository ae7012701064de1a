import { lineItemJson } from '../line-item-payload';
import { shopifyGid } from '../shop-ids';
import type { ShopifyShop } from '../shop-model';
import { formatShopTime } from '../shop-time';
import type { OrderRecord } from '../types';
import type { FulfillmentRecord } from './fulfillment-types';

/** The fulfillments/create body (key set of notes §1.7); line items are the order's, with the fulfilled quantity. */
export function fulfillmentJson(fulfillment: FulfillmentRecord, order: OrderRecord, shop: ShopifyShop) {
  const first = fulfillment.tracking[0];
  const time = (d: Date): string => formatShopTime(d, shop.timezoneOffset);
  return {
    id: fulfillment.id,
    admin_graphql_api_id: shopifyGid('Fulfillment', fulfillment.id),
    created_at: time(fulfillment.createdAt),
    location_id: fulfillment.locationId,
    name: fulfillment.name,
    order_id: order.id,
    origin_address: {},
    receipt: {},
    service: 'manual',
    shipment_status: null as string | null,
    status: fulfillment.status.toLowerCase(),
    tracking_company: first?.company ?? null,
    tracking_number: first?.number ?? null,
    tracking_numbers: fulfillment.tracking.map((t) => t.number).filter((n): n is string => n !== null),
    tracking_url: first?.url ?? null,
    tracking_urls: fulfillment.tracking.map((t) => t.url).filter((u): u is string => u !== null),
    updated_at: time(fulfillment.updatedAt),
    email: order.email,
    destination: null as unknown,
    line_items: fulfillment.lines.flatMap((l) => {
      const line = order.lines.find((x) => x.id === l.lineItemId);
      return line ? [{ ...lineItemJson(line, order, shop), quantity: l.quantity }] : [];
    }),
  };
}
