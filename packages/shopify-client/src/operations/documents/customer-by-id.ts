import { defineShopifyDocument } from '../../graphql/shopify-document';
import { CUSTOMER_ADDRESS_FIELDS, CUSTOMER_ADDRESSES_READ, CUSTOMER_FIELDS } from './customer-fields';

/**
 * One customer with every address (up to CUSTOMER_ADDRESSES_READ): a customers/update webhook carries
 * them all, and the planner keeps one ERPNext Address per Shopify address id. The page lists the
 * default address only, so a customer is read in full one at a time (~55 points).
 */
export const CUSTOMER_BY_ID = defineShopifyDocument(
  'CustomerById',
  `query CustomerById($id: ID!) {
  customer(id: $id) {
    ${CUSTOMER_FIELDS}
    addressesV2(first: ${CUSTOMER_ADDRESSES_READ}) { pageInfo { hasNextPage } nodes { ${CUSTOMER_ADDRESS_FIELDS} } }
  }
}`,
);
