import { toShopifyError } from '../errors/to-shopify-error';
import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { SHOPIFY_DOCUMENT_KINDS, type ShopifyDocument } from '../graphql/shopify-document';
import { isRegisteredDocument } from '../operations/document-registry';
import { BULK_OPERATION_BY_ID } from '../operations/documents/bulk-operation-by-id';
import { BULK_OPERATION_CANCEL } from '../operations/documents/bulk-operation-cancel';
import { BULK_OPERATION_RUN_QUERY } from '../operations/documents/bulk-operation-run-query';
import { BACKFILL_SINCE_PLACEHOLDER, BULK_ORDERS_BACKFILL } from '../operations/documents/bulk-orders-backfill';
import { mutate } from '../operations/payload';
import type { BulkOperation } from '../operations/types';

const FINAL_STATUSES: ReadonlySet<BulkOperation['status']> = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);

/**
 * Starts a bulk query. The text is a registered bulk-query document (validated against the schema
 * like every other) with `substitutions` applied to placeholders that sit inside single-quoted
 * search values of its string literals, since a bulk query takes no variables. Values are escaped
 * for the search syntax, then for the GraphQL string.
 */
export async function startBulkQuery(client: ShopifyGraphqlClient, document: ShopifyDocument, substitutions: Readonly<Record<string, string>> = {}): Promise<BulkOperation> {
  if (document.kind !== SHOPIFY_DOCUMENT_KINDS.bulkQuery || !isRegisteredDocument(document)) throw new TypeError(`${document.name} is not a registered bulk query`);
  let query = document.text;
  for (const [placeholder, value] of Object.entries(substitutions)) query = query.split(placeholder).join(JSON.stringify(value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")).slice(1, -1));
  const payload = await mutate<{ bulkOperation: BulkOperation | null; userErrors: [] }>(client, BULK_OPERATION_RUN_QUERY, 'bulkOperationRunQuery', { query, groupObjects: false });
  if (!payload.bulkOperation) throw toShopifyError({ kind: 'http', status: 200, body: payload }, { document: BULK_OPERATION_RUN_QUERY.name });
  return payload.bulkOperation;
}

/** The backfill of notes §7: orders changed since `since` (ISO-8601) with their line items. */
export function startOrdersBackfill(client: ShopifyGraphqlClient, since: string): Promise<BulkOperation> {
  if (Number.isNaN(Date.parse(since))) throw new TypeError(`since must be an ISO-8601 instant, got ${JSON.stringify(since)}`);
  return startBulkQuery(client, BULK_ORDERS_BACKFILL, { [BACKFILL_SINCE_PLACEHOLDER]: since });
}

export async function getBulkOperation(client: ShopifyGraphqlClient, id: string): Promise<BulkOperation | null> {
  const { data } = await client.request<{ bulkOperation: BulkOperation | null }>(BULK_OPERATION_BY_ID, { id });
  return data.bulkOperation;
}

export async function cancelBulkOperation(client: ShopifyGraphqlClient, id: string): Promise<BulkOperation | null> {
  const payload = await mutate<{ bulkOperation: BulkOperation | null; userErrors: [] }>(client, BULK_OPERATION_CANCEL, 'bulkOperationCancel', { id });
  return payload.bulkOperation;
}

export interface WaitForBulkOperationOptions {
  readonly sleep: (ms: number) => Promise<void>;
  /** Default 2000 ms; a bulk operation usually takes seconds to minutes. */
  readonly pollIntervalMs?: number;
  /** Give up after this many polls (default 1800, one hour at 2 s); the operation keeps running. */
  readonly maxPolls?: number;
}

/**
 * Polls `bulkOperation(id:)` until it reaches a final status and returns it (COMPLETED with `url`,
 * or FAILED/CANCELED/EXPIRED for the caller to judge). The `bulk_operations/finish` webhook is the
 * push alternative (notes §7).
 */
export async function waitForBulkOperation(client: ShopifyGraphqlClient, id: string, options: WaitForBulkOperationOptions): Promise<BulkOperation> {
  const maxPolls = options.maxPolls ?? 1800;
  for (let poll = 1; ; poll += 1) {
    const operation = await getBulkOperation(client, id);
    if (!operation) throw toShopifyError({ kind: 'http', status: 404, body: { errors: `bulk operation ${id} not found` } }, { document: BULK_OPERATION_BY_ID.name });
    if (FINAL_STATUSES.has(operation.status)) return operation;
    if (poll >= maxPolls) throw new Error(`bulk operation ${id} still ${operation.status} after ${poll} polls`);
    await options.sleep(options.pollIntervalMs ?? 2000);
  }
}
