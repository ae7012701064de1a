import { defineShopifyDocument } from '../../graphql/shopify-document';

/** A one-point health check: proves the token works and shows the shop's currency. */
export const SHOP_INFO = defineShopifyDocument(
  'ShopInfo',
  `query ShopInfo {
  shop { id name myshopifyDomain currencyCode ianaTimezone }
}`,
);
