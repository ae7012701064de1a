import { defineShopifyDocument } from '../../graphql/shopify-document';
import { CUSTOMER_FIELDS } from './customer-fields';

/** A page of customers, optionally filtered with Shopify search syntax (e.g. `updated_at:>='…'`). */
export const CUSTOMERS_PAGE = defineShopifyDocument(
  'CustomersPage',
  `query CustomersPage($first: Int = 50, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ${CUSTOMER_FIELDS} }
  }
}`,
);
