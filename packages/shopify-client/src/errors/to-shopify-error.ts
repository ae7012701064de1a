import { SyncError, describeNetworkCause } from '@shopsync/core';
import { readQueryCost, type GraphqlErrorEntry, type QueryCost, type UserErrorEntry } from '../graphql/wire-types';
import { bucketThrottleDelayMs, DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs, throttleDelayMs, type BucketLimits } from './retry-delay';
import { codeForGraphqlError, codeForStatus, codeForUserError, type ShopifyErrorCode } from './shopify-wire-codes';

/** Everything known about one failed exchange, by what went wrong. */
export type ShopifyFailure =
  /** A response whose HTTP status is not 2xx, or a 2xx that is not GraphQL JSON. */
  | { readonly kind: 'http'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, unknown>> }
  /** A 200 whose body has top-level `errors` (THROTTLED, MAX_COST_EXCEEDED, validation, …). */
  | { readonly kind: 'graphql'; readonly body: unknown }
  /** A mutation payload's `userErrors`: the request ran and was refused for business reasons. */
  | { readonly kind: 'user-errors'; readonly field: string; readonly userErrors: readonly UserErrorEntry[] }
  /** No response at all (connection refused, reset, timeout). */
  | { readonly kind: 'no-response'; readonly cause: unknown };

export interface ShopifyFailureContext {
  /** The document's registry name, for the details. */
  readonly document?: string;
  /** Clock for an HTTP-date Retry-After. */
  readonly nowMs?: number;
  /** Extra facts for the engine, e.g. which batches of a split mutation were already applied. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The client's bucket size and restore rate, for a throttle answer without cost numbers. */
  readonly bucket?: BucketLimits;
  /** The points the client expected the request to cost, for the same. */
  readonly expectedCost?: number;
}

function errorsOf(body: unknown): GraphqlErrorEntry[] {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  if (Array.isArray(errors)) return errors.filter((e): e is GraphqlErrorEntry => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string');
  // REST-style bodies on 401/404/429: {"errors": "Not Found"}.
  return typeof errors === 'string' ? [{ message: errors }] : [];
}

/** Category, retry safety and the remedy (details.action) come from the code's row in core. */
function build(code: ShopifyErrorCode, message: string, details: Record<string, unknown>, extra: { retryAfterMs?: number; cause?: unknown } = {}): SyncError {
  return SyncError.of(code, {
    message,
    ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    details,
    ...(extra.cause === undefined ? {} : { cause: extra.cause }),
  });
}

function fromErrors(status: number, body: unknown, context: ShopifyFailureContext, headers?: Readonly<Record<string, unknown>>): SyncError {
  const errors = errorsOf(body);
  const codes = errors.map((e) => codeForGraphqlError(e.extensions?.code, e.message));
  // The most actionable error decides: throttling first, then cost; for an HTTP error the status.
  const code =
    status === 429 || codes.includes('shopify.throttled')
      ? 'shopify.throttled'
      : codes.includes('shopify.max_cost_exceeded')
        ? 'shopify.max_cost_exceeded'
        : status >= 300
          ? codeForStatus(status)
          : (codes[0] ?? 'shopify.unexpected_response');
  const cost = readQueryCost(body);
  const retryAfter = parseRetryAfterMs(headers, context.nowMs ?? 0);
  const retryAfterMs =
    code === 'shopify.throttled'
      ? throttleWaitMs(status, cost, retryAfter, context)
      : code === 'shopify.server_error'
        ? (retryAfter ?? (status === 503 ? DEFAULT_RETRY_AFTER_MS : undefined))
        : undefined;
  const messages = errors.map((e) => e.message);
  const graphqlCodes = errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  const text = messages.length > 0 ? messages.join('\n') : `Shopify answered HTTP ${status}`;
  const message = code === 'shopify.invalid_query' ? invalidQueryMessage(text, graphqlCodes, context.document) : text;
  return build(code, message, {
    status,
    messages,
    graphqlCodes,
    ...(errors.some((e) => e.path) ? { paths: errors.map((e) => e.path ?? null) } : {}),
    ...(cost ? { cost } : {}),
    ...(context.document ? { document: context.document } : {}),
  }, retryAfterMs === undefined ? {} : { retryAfterMs });
}

/**
 * Shopify's numbers first, then its Retry-After. A GraphQL throttle with neither (the bare
 * "Throttled" shape) is waited out from the client's own bucket; Shopify's 1 s is the last resort.
 */
function throttleWaitMs(status: number, cost: QueryCost | undefined, retryAfter: number | undefined, context: ShopifyFailureContext): number {
  const stated = throttleDelayMs(cost) ?? retryAfter;
  if (stated !== undefined) return stated;
  const fromBucket = status < 300 ? bucketThrottleDelayMs(context.bucket, context.expectedCost) : undefined;
  return fromBucket ?? DEFAULT_RETRY_AFTER_MS;
}

/** Shopify's own words ("syntax error, unexpected …") do not say whose fault it is; this does. */
function invalidQueryMessage(text: string, graphqlCodes: readonly string[], document: string | undefined): string {
  const which = document ? `The ${document} query` : 'The query';
  const codes = graphqlCodes.length > 0 ? ` (${graphqlCodes.join(', ')})` : '';
  return `${which} itself is invalid${codes}, so resending it cannot succeed; the query text must be fixed: ${text}`;
}

function fromHttp(failure: Extract<ShopifyFailure, { kind: 'http' }>, context: ShopifyFailureContext): SyncError {
  const { status } = failure;
  if (status >= 200 && status < 300) {
    return build('shopify.unexpected_response', `Shopify answered HTTP ${status} without a GraphQL body`, { status, ...(context.document ? { document: context.document } : {}) });
  }
  return fromErrors(status, failure.body, context, failure.headers);
}

function fromUserErrors(failure: Extract<ShopifyFailure, { kind: 'user-errors' }>, context: ShopifyFailureContext): SyncError {
  const first = failure.userErrors[0];
  // A code without a row of its own keeps its name and takes shopify.user_error's row (core's findFailureCode).
  const code = codeForUserError(first?.code);
  const described = failure.userErrors.map((e) => (e.field && e.field.length > 0 ? `${e.field.join('.')}: ${e.message}` : e.message));
  return build(code, `${failure.field}: ${described.join('; ')}`, {
    field: failure.field,
    userErrors: failure.userErrors.map((e) => ({ field: e.field ?? null, message: e.message, code: e.code ?? null })),
    ...(context.document ? { document: context.document } : {}),
  });
}

function fromNoResponse(cause: unknown, context: ShopifyFailureContext): SyncError {
  const network = describeNetworkCause(cause, 'Shopify');
  const where = context.document ? { document: context.document } : {};
  if (!network) {
    const text = cause instanceof Error ? cause.message : String(cause);
    return build('shopify.unexpected_response', text, where, { cause });
  }
  const { errorCode, requestSent, timedOut } = network;
  return build('shopify.network', network.message, { errorCode, requestSent, timedOut, ...where }, { cause });
}

/**
 * The one place (STYLE C6) where a failed Shopify exchange becomes a SyncError: an HTTP error, a
 * GraphQL error in a 200 body (THROTTLED included, which Shopify's own library misses), a
 * mutation's userErrors, or no response at all. Throttling carries `retryAfterMs` from the
 * bucket numbers in `extensions.cost`.
 */
export function toShopifyError(failure: ShopifyFailure, context: ShopifyFailureContext = {}): SyncError {
  const error = classify(failure, context);
  if (!context.details) return error;
  const { code, category, retryable, message, retryAfterMs, details, cause } = error;
  return new SyncError({ code, category, retryable, message, details: { ...details, ...context.details }, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), ...(cause === undefined ? {} : { cause }) });
}

function classify(failure: ShopifyFailure, context: ShopifyFailureContext): SyncError {
  switch (failure.kind) {
    case 'http':
      return fromHttp(failure, context);
    case 'graphql':
      return fromErrors(200, failure.body, context);
    case 'user-errors':
      return fromUserErrors(failure, context);
    case 'no-response':
      return fromNoResponse(failure.cause, context);
    default:
      return assertNever(failure);
  }
}

function assertNever(value: never): never {
  throw new TypeError(`unknown Shopify failure ${JSON.stringify(value)}`);
}
