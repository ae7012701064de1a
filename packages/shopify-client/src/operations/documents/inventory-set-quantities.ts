import { defineShopifyDocument } from '../../graphql/shopify-document';

/**
 * Absolute quantities with compare-and-set: from 2026-04 every quantity must carry
 * `changeFromQuantity` (a value, or null to skip the check) and the field must carry
 * `@idempotent(key:)` (notes §3.2–3.4). Shopify rejects the whole group on any error.
 */
export const INVENTORY_SET_QUANTITIES = defineShopifyDocument(
  'InventorySetQuantities',
  `mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup {
      id createdAt reason referenceDocumentUri
      changes { name delta quantityAfterChange item { id } location { id } }
    }
    userErrors { field message code }
  }
}`,
);
