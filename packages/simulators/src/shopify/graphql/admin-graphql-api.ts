import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { createIdGenerator } from '../shop-ids';
import { derivePrng } from '../prng';
import { fireEvents } from '../shop-events';
import type { ShopifyShop } from '../shop-model';
import { formatShopTime } from '../shop-time';
import type { ShopifyWebhookDispatcher } from '../webhook-dispatcher';
import { loadShopifyAdminSchema } from './admin-schema';
import { BulkOperationStore, type BulkOperationRecord } from './bulk/bulk-operation-store';
import { LeakyBucket, SHOPIFY_PLANS, type ShopifyPlan } from './leaky-bucket';
import { IdempotencyStore } from './mutations/idempotency-store';
import { toShopifyParseError } from './parse-errors';
import { calculateQueryCost } from './query-cost';
import { maxCostBody, throttledBody, variableErrors, type CostJson } from './request-errors';
import { MUTATION_ROOT } from './roots/mutation-root';
import { queryRoot } from './roots/query-root';
import type { AdminApiState, SimContext } from './sim-context';
import { toShopifyValidationError } from './validation-errors';
import { resolveViewField, resolveViewType } from './views/resolve-fields';
import { gid } from './views/wire-format';

export interface AdminGraphqlOptions {
  /** Bucket size and restore rate; default the Standard plan (2000 points, 100/s). */
  plan?: ShopifyPlan | { bucketSize: number; restoreRate: number };
  /** Shopify's single-query limit (notes §2). Default 1000. */
  maxQueryCost?: number;
  /** Shop-clock time a bulk operation takes to complete. Default 0 (done by the next request). */
  bulkOperationDurationMs?: number;
  seed?: number;
}

export interface AdminGraphqlStats {
  requests: number;
  throttled: number;
  maxCostExceeded: number;
  invalid: number;
  requestedCost: number;
  actualCost: number;
}

export interface AdminResponse {
  status: number;
  body: unknown;
}

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/**
 * The GraphQL Admin API of the simulated shop: parse, validate against the real 2026-10 schema,
 * coerce variables, calculate the requested cost, take it from the leaky bucket (or answer
 * THROTTLED / MAX_COST_EXCEEDED), execute with graphql-js over views of the shop, refund the
 * difference to the actual cost, and report `extensions.cost` — in Shopify's shapes throughout.
 */
export class AdminGraphqlApi {
  readonly schema: GraphQLSchema;
  readonly bucket: LeakyBucket;
  readonly state: AdminApiState;
  private readonly maxQueryCost: number;
  private readonly documents = new Map<string, { document: DocumentNode; errors: readonly GraphQLError[] } | GraphQLError>();
  private readonly counters: AdminGraphqlStats = { requests: 0, throttled: 0, maxCostExceeded: 0, invalid: 0, requestedCost: 0, actualCost: 0 };

  constructor(
    private readonly shop: ShopifyShop,
    private readonly webhooks: ShopifyWebhookDispatcher,
    options: AdminGraphqlOptions = {},
  ) {
    this.schema = loadShopifyAdminSchema();
    const plan = typeof options.plan === 'object' ? options.plan : SHOPIFY_PLANS[options.plan ?? 'standard'];
    const clockMs = () => shop.now().getTime();
    this.bucket = new LeakyBucket(plan.bucketSize, plan.restoreRate, clockMs);
    this.maxQueryCost = options.maxQueryCost ?? 1000;
    this.state = {
      idempotency: new IdempotencyStore(clockMs),
      ids: createIdGenerator(derivePrng(options.seed ?? 1, 'admin-api')),
      bulk: new BulkOperationStore(clockMs, options.bulkOperationDurationMs ?? 0, (op) => this.bulkFinished(op)),
      subscriptionMeta: new Map(),
      writeGate: null,
    };
  }

  stats(): AdminGraphqlStats {
    return { ...this.counters };
  }

  async execute(request: { query?: unknown; variables?: unknown; operationName?: unknown }, where: { apiVersion: string; baseUrl: string }): Promise<AdminResponse> {
    this.counters.requests += 1;
    this.state.bulk.settle();
    if (typeof request.query !== 'string' || request.query.trim() === '') return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    const parsed = this.parseAndValidate(request.query);
    if (parsed instanceof GraphQLError) return this.invalid([toShopifyParseError(request.query, parsed)]);
    const { document, errors } = parsed;
    if (errors.length > 0) return this.invalid(errors.map((e) => toShopifyValidationError(e, document)));
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return this.invalid([{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required' }]);
    const inputs = typeof request.variables === 'object' && request.variables !== null ? (request.variables as Record<string, unknown>) : {};
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], inputs);
    // Asked even when graphql-js coerced them: its ID takes any string, Shopify's only global ids.
    const badVariables = variableErrors(this.schema, operation, inputs);
    if (coerced.errors || badVariables.length > 0) return this.invalid(badVariables);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const requested = calculateQueryCost(this.schema, operation, fragments, coerced.coerced);
    if (requested > this.maxQueryCost) {
      this.counters.maxCostExceeded += 1;
      return { status: 200, body: maxCostBody(requested, this.maxQueryCost, this.cost(requested, null)) };
    }
    if (!this.bucket.tryTake(requested)) {
      this.counters.throttled += 1;
      return { status: 200, body: throttledBody(this.cost(requested, null)) };
    }
    const ctx = this.context(where, false);
    const result = await execute({
      schema: this.schema,
      document,
      operationName,
      variableValues: inputs,
      contextValue: ctx,
      rootValue: operation.operation === 'mutation' ? MUTATION_ROOT : queryRoot(ctx),
      fieldResolver: resolveViewField,
      typeResolver: resolveViewType,
    });
    const actual = Math.min(requested, calculateQueryCost(this.schema, operation, fragments, coerced.coerced, result.data ?? {}));
    this.bucket.refund(requested - actual);
    this.counters.requestedCost += requested;
    this.counters.actualCost += actual;
    const body = {
      ...(result.errors ? { errors: result.errors.map(formatExecutionError) } : {}),
      data: result.data ?? null,
      extensions: { cost: this.cost(requested, actual) },
    };
    return { status: 200, body };
  }

  private context(where: { apiVersion: string; baseUrl: string }, bulk: boolean): SimContext {
    const ctx: SimContext = {
      shop: this.shop,
      webhooks: this.webhooks,
      state: this.state,
      apiVersion: where.apiVersion,
      baseUrl: where.baseUrl,
      bulk,
      runBulkQuery: (document) => this.runBulk(document, where),
    };
    return ctx;
  }

  private async runBulk(document: DocumentNode, where: { apiVersion: string; baseUrl: string }): Promise<ExecutionResult> {
    const ctx = this.context(where, true);
    return execute({ schema: this.schema, document, contextValue: ctx, rootValue: queryRoot(ctx), fieldResolver: resolveViewField, typeResolver: resolveViewType });
  }

  private parseAndValidate(text: string): { document: DocumentNode; errors: readonly GraphQLError[] } | GraphQLError {
    const cached = this.documents.get(text);
    if (cached) return cached;
    let entry: { document: DocumentNode; errors: readonly GraphQLError[] } | GraphQLError;
    try {
      const document = parse(text);
      entry = { document, errors: validate(this.schema, document) };
    } catch (err) {
      entry = err instanceof GraphQLError ? err : new GraphQLError(String(err));
    }
    // Clients send a handful of documents; the cache bound only guards against a runaway caller.
    if (this.documents.size > 500) this.documents.clear();
    this.documents.set(text, entry);
    return entry;
  }

  /** Static errors: HTTP 200, `errors` only — no data and no cost (nothing was calculated). */
  private invalid(errors: unknown[]): AdminResponse {
    this.counters.invalid += 1;
    return { status: 200, body: { errors } };
  }

  private cost(requested: number | null, actual: number | null): CostJson {
    return { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: this.bucket.status() };
  }

  private bulkFinished(op: BulkOperationRecord): void {
    const time = (d: Date | null) => (d === null ? null : formatShopTime(d, this.shop.timezoneOffset));
    const payload = { admin_graphql_api_id: gid('BulkOperation', op.id), completed_at: time(op.completedAt), created_at: time(op.createdAt), error_code: op.errorCode?.toLowerCase() ?? null, status: op.status.toLowerCase(), type: 'query' };
    fireEvents(this.webhooks, [{ topic: 'bulk_operations/finish', payload }]);
  }
}

/** Shopify's key order: message, locations, extensions, path; our own bugs surface as INTERNAL_SERVER_ERROR. */
function formatExecutionError(error: GraphQLError) {
  const own = error.originalError !== undefined && error.originalError !== null && !(error.originalError instanceof GraphQLError);
  const extensions = own ? { code: INTERNAL } : error.extensions;
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(extensions && Object.keys(extensions).length > 0 ? { extensions } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
}
