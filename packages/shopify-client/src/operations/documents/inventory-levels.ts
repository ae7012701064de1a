import { defineShopifyDocument } from '../../graphql/shopify-document';

/**
 * The named quantities of several inventory items at every location that stocks them
 * (notes §3.1: `quantities(names:)`; the inventory_levels/update webhook carries only `available`).
 */
export const INVENTORY_LEVELS = defineShopifyDocument(
  'InventoryLevels',
  `query InventoryLevels($ids: [ID!]!, $names: [String!]!) {
  nodes(ids: $ids) {
    ... on InventoryItem {
      id sku tracked
      inventoryLevels(first: 10) {
        nodes { id updatedAt location { id } quantities(names: $names) { name quantity } }
      }
    }
  }
}`,
);
