import type { BulkOperationRecord } from '../bulk/bulk-operation-store';
import type { View } from './resolve-fields';
import { dateTime, gid } from './wire-format';

/** BulkOperation; counts and file size are UnsignedInt64 strings (notes §7). */
export function bulkOperationView(op: BulkOperationRecord, baseUrl: string): View {
  const done = op.status === 'COMPLETED' && op.jsonl !== null;
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', op.id),
    status: op.status,
    type: 'QUERY',
    errorCode: op.errorCode,
    query: op.query,
    createdAt: dateTime(op.createdAt),
    completedAt: dateTime(op.completedAt),
    objectCount: done ? String(op.objectCount) : '0',
    rootObjectCount: done ? String(op.rootObjectCount) : '0',
    fileSize: done ? String(Buffer.byteLength(op.jsonl ?? '', 'utf8')) : null,
    url: done && op.objectCount > 0 ? `${baseUrl}/_sim/bulk-results/${op.token}.jsonl` : null,
    partialDataUrl: null,
  };
}
