import { createShopifyClient, type ShopifyClient, type ShopifyGraphqlClientOptions } from '@shopsync/shopify-client';
import type { ShopConfig } from './config-schema';

/** Client settings a caller may add: retries, events, sleep and clock (tests pass fakes). */
export type ShopifyClientTuning = Omit<ShopifyGraphqlClientOptions, 'shop' | 'accessToken'>;

/**
 * The Admin API client of one configured shop, or null when the config holds no access token for it
 * (webhooks alone need none). `apiBaseUrl` replaces https://<domain> for the simulator.
 */
export function shopifyClientFor(shop: ShopConfig, tuning: ShopifyClientTuning = {}): ShopifyClient | null {
  if (shop.accessToken === undefined) return null;
  return createShopifyClient({ ...tuning, shop: shop.apiBaseUrl ?? shop.domain, accessToken: shop.accessToken });
}
