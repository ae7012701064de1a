import { defineShopifyDocument } from '../../graphql/shopify-document';
import { BULK_OPERATION_FIELDS } from './bulk-operation-fields';

/** `groupObjects` is required in the schema; false is the 2026-01+ default and faster (notes §7). */
export const BULK_OPERATION_RUN_QUERY = defineShopifyDocument(
  'BulkOperationRunQuery',
  `mutation BulkOperationRunQuery($query: String!, $groupObjects: Boolean!) {
  bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
    bulkOperation { ${BULK_OPERATION_FIELDS} }
    userErrors { field message code }
  }
}`,
);
