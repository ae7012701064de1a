import { defineShopifyDocument } from '../../graphql/shopify-document';
import { BULK_OPERATION_FIELDS } from './bulk-operation-fields';

/** Poll one bulk operation (`bulkOperation(id:)` exists from 2026-01, notes §7). */
export const BULK_OPERATION_BY_ID = defineShopifyDocument(
  'BulkOperationById',
  `query BulkOperationById($id: ID!) {
  bulkOperation(id: $id) { ${BULK_OPERATION_FIELDS} }
}`,
);
