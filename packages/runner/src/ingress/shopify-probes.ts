import type { ShopifyClient } from '@shopsync/shopify-client';
import type { ReadinessProbe } from './readiness';

/**
 * One /readyz probe per shop whose Admin API credentials are configured: the `shop` query (one
 * point), which fails on a revoked token, an uninstalled app or an unreachable API alike. Named
 * `shopify:<domain>` so /readyz says which shop is down.
 */
export function shopifyProbes(clients: ReadonlyArray<{ readonly domain: string; readonly client: Pick<ShopifyClient, 'shop'> }>): ReadinessProbe[] {
  return clients.map(({ domain, client }) => ({ name: `shopify:${domain}`, check: () => client.shop() }));
}
