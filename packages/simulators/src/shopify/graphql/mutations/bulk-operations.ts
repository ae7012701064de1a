import { Kind, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { loadShopifyAdminSchema } from '../admin-schema';
import { flattenBulkResult } from '../bulk/bulk-jsonl';
import { MAX_RUNNING_BULK_QUERIES } from '../bulk/bulk-operation-store';
import { bulkQueryProblems } from '../bulk/bulk-query-rules';
import type { SimContext } from '../sim-context';
import { toShopifyValidationError } from '../validation-errors';
import { bulkOperationView } from '../views/bulk-operation-view';
import type { View } from '../views/resolve-fields';
import { gid, gidNumber } from '../views/wire-format';

const invalid = (message: string) => ({ field: ['query'], message, code: 'INVALID' });

/** bulkOperationRunQuery: Shopify's validators, the concurrency limit, then a snapshot run. */
export async function bulkOperationRunQuery(args: { query: string; groupObjects: boolean }, ctx: SimContext): Promise<View> {
  const fail = (errors: { field: string[] | null; message: string; code: string }[]): View => ({ bulkOperation: null, userErrors: errors });
  let document: DocumentNode;
  try {
    document = parse(args.query);
  } catch (err) {
    return fail([invalid(`Invalid bulk query: ${(err as GraphQLError).message}`)]);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.some((o) => o.kind === Kind.OPERATION_DEFINITION && o.operation !== 'query')) return fail([invalid('Invalid operation type. Only `query` operations are supported.')]);
  const errors = validate(loadShopifyAdminSchema(), document);
  if (errors.length > 0) return fail(errors.map((e) => invalid(`Invalid bulk query: ${toShopifyValidationError(e, document).message}`)));
  const problems = bulkQueryProblems(loadShopifyAdminSchema(), document);
  if (problems.length > 0) return fail(problems.map(invalid));
  const running = ctx.state.bulk.running();
  if (running.length >= MAX_RUNNING_BULK_QUERIES) {
    const first = running[0];
    return fail([{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${first ? gid('BulkOperation', first.id) : ''}.`, code: 'OPERATION_IN_PROGRESS' }]);
  }
  const result = await ctx.runBulkQuery(document);
  const id = ctx.state.ids.next('BulkOperation');
  const outcome =
    result.errors && result.errors.length > 0
      ? { error: 'INTERNAL_SERVER_ERROR' as const }
      : (() => {
          const { lines, rootObjectCount } = flattenBulkResult((result.data ?? {}) as Record<string, unknown>);
          return { jsonl: lines.length > 0 ? `${lines.join('\n')}\n` : '', objectCount: lines.length, rootObjectCount };
        })();
  const record = ctx.state.bulk.add(id, args.query, outcome);
  return { bulkOperation: bulkOperationView(record, ctx.baseUrl), userErrors: [] };
}

export function bulkOperationCancel(args: { id: string }, ctx: SimContext): View {
  const id = gidNumber(args.id, 'BulkOperation');
  const outcome = id === undefined ? 'not-found' : ctx.state.bulk.cancel(id);
  if (outcome === 'not-found') return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
  if (outcome === 'finished') {
    const record = id === undefined ? undefined : ctx.state.bulk.get(id);
    return { bulkOperation: record ? bulkOperationView(record, ctx.baseUrl) : null, userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${record?.status.toLowerCase() ?? 'finished'}` }] };
  }
  return { bulkOperation: bulkOperationView(outcome, ctx.baseUrl), userErrors: [] };
}
