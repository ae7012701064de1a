import { defineShopifyDocument } from '../../graphql/shopify-document';
import { BULK_OPERATION_FIELDS } from './bulk-operation-fields';

export const BULK_OPERATION_CANCEL = defineShopifyDocument(
  'BulkOperationCancel',
  `mutation BulkOperationCancel($id: ID!) {
  bulkOperationCancel(id: $id) {
    bulkOperation { ${BULK_OPERATION_FIELDS} }
    userErrors { field message }
  }
}`,
);
