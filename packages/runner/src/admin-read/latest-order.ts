import { orderWebhookBody } from '@shopsync/core';
import type { Config } from '../config/config-schema';
import { shopifyClientFor } from '../config/shopify-for-shop';
import type { LatestOrderPort } from '../worker/latest-state';
import { orderFromRead } from './read-order';

/**
 * Shopify's latest state of an order, read over the Admin API and parsed as backfill and reconcile
 * parse it — refused in the same cases — so a requeued event is planned exactly as a fresh webhook
 * would be. It replaces the event's payload and becomes the order's snapshot, so it is handed over
 * as the webhook body the inbox holds (orderWebhookBody).
 */
export function latestOrderFromShopify(config: Config): LatestOrderPort {
  const timeZones = new Map<string, Promise<string>>();
  return async (shopDomain, orderId) => {
    const shop = config.shops.find((candidate) => candidate.domain === shopDomain);
    const client = shop === undefined ? null : shopifyClientFor(shop);
    if (client === null) return { unavailable: `no Shopify access token is configured for ${shopDomain}` };
    const timeZone = timeZones.get(shopDomain) ?? client.shop().then((info) => info.ianaTimezone);
    timeZones.set(shopDomain, timeZone);
    const detail = await client.orders.get(`gid://shopify/Order/${orderId}`);
    if (detail === null) return { unavailable: `order ${orderId} no longer exists in Shopify` };
    const read = orderFromRead(detail, await timeZone, config.mapping.fulfillmentAuthority);
    if (!read.ok) return { unavailable: read.reason };
    return { payload: orderWebhookBody(read.order) };
  };
}
