/** BulkOperation status fields; counts and size are UnsignedInt64 strings (notes §7). */
export const BULK_OPERATION_FIELDS = 'id status type errorCode objectCount rootObjectCount fileSize url partialDataUrl query createdAt completedAt';
