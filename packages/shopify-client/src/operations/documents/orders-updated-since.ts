import { defineShopifyDocument } from '../../graphql/shopify-document';

/**
 * One page of orders updated at or after a point in time, oldest change first, for reconciliation
 * (notes §1.4, §4). `$query` is built by listOrdersUpdatedSince: `updated_at:>='…'`. GraphQL has no
 * `status:any`; without a `status` term every order is returned (open, closed and cancelled).
 */
export const ORDERS_UPDATED_SINCE = defineShopifyDocument(
  'OrdersUpdatedSince',
  `query OrdersUpdatedSince($query: String!, $after: String, $first: Int = 50) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id legacyResourceId name createdAt updatedAt cancelledAt closed displayFinancialStatus displayFulfillmentStatus }
  }
}`,
);
