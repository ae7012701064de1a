import { defineShopifyDocument } from '../../graphql/shopify-document';

/** One fulfillment for fulfillment orders of one order at one location (notes §5; no idempotency). */
export const FULFILLMENT_CREATE = defineShopifyDocument(
  'FulfillmentCreate',
  `mutation FulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment {
      id name status displayStatus createdAt
      trackingInfo(first: 10) { company number url }
      fulfillmentLineItems(first: 50) { nodes { id quantity lineItem { id sku } } }
    }
    userErrors { field message }
  }
}`,
);
