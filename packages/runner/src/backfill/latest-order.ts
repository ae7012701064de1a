import type { Config } from '../config/config-schema';
import { shopifyClientFor } from '../cli/shopify-for-shop';
import type { LatestOrderPort } from '../worker/latest-state';
import { backfillLimitation } from './backfill-limits';
import { orderToRest } from './order-to-rest';

/**
 * Shopify's latest state of an order, read over the Admin API and converted to the REST payload the
 * planner reads — the same conversion backfill uses, and refused in the same cases, so a requeued
 * event is planned exactly as a fresh webhook would be.
 */
export function latestOrderFromShopify(config: Config): LatestOrderPort {
  const timeZones = new Map<string, Promise<string>>();
  return async (shopDomain, orderId) => {
    const shop = config.shops.find((candidate) => candidate.domain === shopDomain);
    const client = shop === undefined ? null : shopifyClientFor(shop);
    if (client === null) return { unavailable: `no Shopify access token is configured for ${shopDomain}` };
    const timeZone = timeZones.get(shopDomain) ?? client.shop().then((info) => info.ianaTimezone);
    timeZones.set(shopDomain, timeZone);
    const order = await client.orders.get(`gid://shopify/Order/${orderId}`);
    if (order === null) return { unavailable: `order ${orderId} no longer exists in Shopify` };
    const limitation = backfillLimitation(order, config.mapping.fulfillmentAuthority);
    if (limitation !== null) return { unavailable: limitation };
    return { payload: orderToRest(order, await timeZone) };
  };
}
