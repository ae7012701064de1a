import { orderWebhookBody } from '@shopsync/core';
import type { ShopifyClient } from '@shopsync/shopify-client';
import type { Config } from '../config/config-schema';
import type { LatestOrderPort } from '../worker/latest-state';
import { orderFromRead } from './read-order';

/**
 * Shopify's latest state of an order, read over the Admin API and parsed as backfill and reconcile
 * parse it — refused in the same cases — so a requeued event is planned exactly as a fresh webhook
 * would be. It replaces the event's payload and becomes the order's snapshot, so it is handed over
 * as the webhook body the inbox holds (orderWebhookBody). `shopify` is the app's one client per shop
 * (null without a token): reused across requeues, so each shop's cost bucket is kept between reads.
 */
export function latestOrderFromShopify(config: Pick<Config, 'mapping'>, shopify: (domain: string) => Pick<ShopifyClient, 'shop' | 'orders'> | null): LatestOrderPort {
  const timeZones = new Map<string, Promise<string>>();
  return async (shopDomain, orderId) => {
    const client = shopify(shopDomain);
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
