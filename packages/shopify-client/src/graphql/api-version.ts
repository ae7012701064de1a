/**
 * The Admin API version this client is written and tested against (the real 2026-10 schema; see
 * packages/simulators/shopify-schema/SOURCES.md). Shopify serves an unsupported version as a newer
 * one ("falls forward") and says so in `X-Shopify-API-Version`, which the client reads on every
 * response (notes intro, §12.3).
 */
export const SHOPIFY_ADMIN_API_VERSION = '2026-10';

const VERSION_PATTERN = /^(\d{4}-(01|04|07|10)|unstable)$/;
const SHOP_PATTERN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function isShopifyApiVersion(value: string): boolean {
  return VERSION_PATTERN.test(value);
}

/** `shop` may be "name", "name.myshopify.com" or a full origin such as "http://127.0.0.1:8081". */
export function adminGraphqlUrl(shop: string, apiVersion: string): string {
  return `${shopOrigin(shop)}/admin/api/${apiVersion}/graphql.json`;
}

export function shopOrigin(shop: string): string {
  const trimmed = shop.trim().replace(/\/+$/, '');
  if (/^https?:\/\//.test(trimmed)) return trimmed;
  const host = trimmed.includes('.') ? trimmed.toLowerCase() : `${trimmed.toLowerCase()}.myshopify.com`;
  if (!SHOP_PATTERN.test(host)) throw new TypeError(`shop must be a *.myshopify.com domain or an http(s) origin, got ${JSON.stringify(shop)}`);
  return `https://${host}`;
}
