import { defineShopifyDocument } from '../../graphql/shopify-document';
import { LINE_ITEM_FIELDS } from './order-fields';

/** The line items after the first page of ORDER_BY_ID (orders of more than 25 lines). */
export const ORDER_LINE_ITEMS_PAGE = defineShopifyDocument(
  'OrderLineItemsPage',
  `query OrderLineItemsPage($id: ID!, $after: String, $first: Int = 50) {
  order(id: $id) {
    id
    lineItems(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ${LINE_ITEM_FIELDS} }
    }
  }
}`,
);
