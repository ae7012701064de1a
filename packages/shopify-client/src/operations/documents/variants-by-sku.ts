import { defineShopifyDocument } from '../../graphql/shopify-document';

/**
 * Variants (and their inventory items) whose SKU is one of several: `$query` is
 * `sku:'A' OR sku:'B'`, built by findVariantsBySku. SKUs are not unique in Shopify, so a SKU may
 * come back more than once.
 */
export const VARIANTS_BY_SKU = defineShopifyDocument(
  'VariantsBySku',
  `query VariantsBySku($query: String!, $first: Int = 100, $after: String) {
  productVariants(first: $first, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id legacyResourceId sku title displayName price inventoryQuantity
      product { id title }
      inventoryItem { id sku tracked }
    }
  }
}`,
);
