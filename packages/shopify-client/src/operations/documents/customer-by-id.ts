import { defineShopifyDocument } from '../../graphql/shopify-document';
import { CUSTOMER_FIELDS } from './customer-fields';

export const CUSTOMER_BY_ID = defineShopifyDocument(
  'CustomerById',
  `query CustomerById($id: ID!) {
  customer(id: $id) { ${CUSTOMER_FIELDS} }
}`,
);
