import { defineShopifyDocument } from '../../graphql/shopify-document';

/** Placeholder replaced (escaped) by runOrdersBackfill: a bulk query takes no variables. */
export const BACKFILL_SINCE_PLACEHOLDER = '__SINCE__';

/**
 * The backfill bulk query (notes §7 recipe): orders changed since a point, with their line items
 * as child lines (`__parentId`). Connections use edges > node, as bulk queries must.
 */
export const BULK_ORDERS_BACKFILL = defineShopifyDocument(
  'BulkOrdersBackfill',
  `query BulkOrdersBackfill {
  orders(query: "updated_at:>='${BACKFILL_SINCE_PLACEHOLDER}'", sortKey: UPDATED_AT) {
    edges {
      node {
        id legacyResourceId name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode
        totalPriceSet { shopMoney { amount currencyCode } }
        lineItems {
          edges { node { id sku quantity currentQuantity variant { id } } }
        }
      }
    }
  }
}`,
  { bulkQuery: true },
);
