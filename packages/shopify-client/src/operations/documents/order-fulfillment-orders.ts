import { defineShopifyDocument } from '../../graphql/shopify-document';

/**
 * An order's fulfillment orders with what fulfillmentCreate needs: status, supported actions,
 * assigned location, and each line's remaining quantity (notes §5, steps 1–3).
 */
export const ORDER_FULFILLMENT_ORDERS = defineShopifyDocument(
  'OrderFulfillmentOrders',
  `query OrderFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id
    fulfillmentOrders(first: 5) {
      nodes {
        id status requestStatus updatedAt
        assignedLocation { name location { id } }
        supportedActions { action }
        lineItems(first: 50) {
          pageInfo { hasNextPage }
          nodes { id sku totalQuantity remainingQuantity lineItem { id } }
        }
      }
    }
  }
}`,
);
