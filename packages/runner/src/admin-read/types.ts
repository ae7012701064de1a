import type { ShopifyClient } from '@shopsync/shopify-client';

/**
 * The Shopify calls that read orders over the Admin API, for backfill and reconcile alike: the shop's
 * time zone (REST timestamps are shop-local), the orders changed in a window, each order in full, and
 * the API version the events made from them are stamped with.
 */
export type ShopifyOrderReads = Pick<ShopifyClient, 'shop'> & {
  readonly orders: Pick<ShopifyClient['orders'], 'updatedSince' | 'get'>;
  readonly graphql: Pick<ShopifyClient['graphql'], 'apiVersion'>;
};

/**
 * The Shopify calls reconcile reads customers with: the customers changed in a window (a page holds
 * the default address only), each customer with its addresses, and the API version its events carry.
 */
export type ShopifyCustomerReads = {
  readonly customers: Pick<ShopifyClient['customers'], 'list' | 'get'>;
  readonly graphql: Pick<ShopifyClient['graphql'], 'apiVersion'>;
};
