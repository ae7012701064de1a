import { defineShopifyDocument } from '../../graphql/shopify-document';

/** The shop's locations: the ids inventory levels and fulfillment orders refer to (notes §3.1). */
export const LOCATIONS_PAGE = defineShopifyDocument(
  'LocationsPage',
  `query LocationsPage($first: Int = 50, $after: String, $includeInactive: Boolean = false) {
  locations(first: $first, after: $after, includeInactive: $includeInactive) {
    pageInfo { hasNextPage endCursor }
    nodes { id legacyResourceId name isActive fulfillsOnlineOrders shipsInventory hasActiveInventory address { address1 city countryCode zip } }
  }
}`,
);
