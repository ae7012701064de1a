import type { FailureCategory } from '@shopsync/core';

/** What the engine should do about a failure; the operator sentence is rendered elsewhere (C7). */
export const SHOPIFY_ACTIONS = {
  retry: 'retry',
  /** Read the current state again, recompute, and send with a new idempotency key. */
  refetchAndReapply: 'refetch_and_reapply',
  retryWithNewKey: 'retry_with_new_key',
  adoptExisting: 'adopt_existing',
  fixData: 'fix_data',
  fixMapping: 'fix_mapping',
  fixCredentials: 'fix_credentials',
  fixQuery: 'fix_query',
  review: 'review',
  report: 'report',
} as const;
export type ShopifyAction = (typeof SHOPIFY_ACTIONS)[keyof typeof SHOPIFY_ACTIONS];

export interface ShopifyCodeInfo {
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly action: ShopifyAction;
}

const A = SHOPIFY_ACTIONS;

/**
 * Every fixed code toShopifyError can produce (STYLE C5); `shopify.user_error.<code>` codes come
 * from USER_ERROR_CODES below. `retryable` means "sending the same request (same idempotency key)
 * again is safe and may succeed".
 */
export const SHOPIFY_ERROR_CODES = {
  // Bucket empty (GraphQL THROTTLED in a 200 body, or HTTP 429): nothing ran, wait and resend.
  'shopify.throttled': { category: 'rate_limited', retryable: true, action: A.retry },
  // The query as written costs more than 1000 points: no retry helps, the query must change (notes §2).
  'shopify.max_cost_exceeded': { category: 'internal', retryable: false, action: A.fixQuery },
  'shopify.auth': { category: 'auth', retryable: false, action: A.fixCredentials },
  // A missing access scope (ACCESS_DENIED, HTTP 403).
  'shopify.access_denied': { category: 'auth', retryable: false, action: A.fixCredentials },
  // HTTP 402 (shop frozen for non-payment) or 423 (shop locked).
  'shopify.shop_unavailable': { category: 'auth', retryable: false, action: A.review },
  // HTTP 404: a wrong shop domain or API path; GraphQL itself answers a missing record with null.
  'shopify.not_found': { category: 'drift', retryable: false, action: A.review },
  // A document Shopify cannot parse (PARSE_ERROR) or its validator rejects (undefinedField,
  // argumentNotAccepted, …): the query text is a bug here, and resending it cannot succeed.
  'shopify.invalid_query': { category: 'internal', retryable: false, action: A.fixQuery },
  'shopify.invalid_variables': { category: 'internal', retryable: false, action: A.fixQuery },
  'shopify.bad_request': { category: 'internal', retryable: false, action: A.report },
  'shopify.server_error': { category: 'transient', retryable: true, action: A.retry },
  // No response: a mutation may or may not have been applied (retry only what is retry-safe).
  'shopify.network': { category: 'transient', retryable: true, action: A.retry },
  'shopify.unexpected_response': { category: 'internal', retryable: false, action: A.report },
  'shopify.graphql_error': { category: 'internal', retryable: false, action: A.report },
  'shopify.user_error': { category: 'validation', retryable: false, action: A.fixData },
} as const satisfies Record<string, ShopifyCodeInfo>;

export type ShopifyErrorCode = keyof typeof SHOPIFY_ERROR_CODES;

/**
 * `userErrors[].code` values with a behaviour of their own (lower-cased); any other code is a
 * `validation` failure. Sources: the InventorySetQuantitiesUserErrorCode, BulkOperationUserErrorCode
 * enums of the 2026-10 schema and notes §3.3–3.4.
 */
export const USER_ERROR_CODES: Readonly<Record<string, ShopifyCodeInfo>> = {
  // The quantity changed since we read it: re-read, recompute, new key (notes §3.3).
  change_from_quantity_stale: { category: 'conflict', retryable: true, action: A.refetchAndReapply },
  compare_quantity_stale: { category: 'conflict', retryable: true, action: A.refetchAndReapply },
  // Our own earlier request with this key is still running: the same request may be sent again.
  idempotency_concurrent_request: { category: 'transient', retryable: true, action: A.retry },
  idempotency_key_parameter_mismatch: { category: 'internal', retryable: false, action: A.report },
  idempotency_previous_attempt_failed: { category: 'conflict', retryable: false, action: A.retryWithNewKey },
  invalid_inventory_item: { category: 'mapping', retryable: false, action: A.fixMapping },
  invalid_location: { category: 'mapping', retryable: false, action: A.fixMapping },
  item_not_stocked_at_location: { category: 'mapping', retryable: false, action: A.fixMapping },
  non_mutable_inventory_item: { category: 'mapping', retryable: false, action: A.fixMapping },
  invalid_name: { category: 'internal', retryable: false, action: A.report },
  invalid_reason: { category: 'internal', retryable: false, action: A.report },
  // Another bulk query holds the slot: wait and start again.
  operation_in_progress: { category: 'rate_limited', retryable: true, action: A.retry },
  limit_reached: { category: 'rate_limited', retryable: true, action: A.retry },
  taken: { category: 'conflict', retryable: false, action: A.adoptExisting },
};

/**
 * Top-level GraphQL `extensions.code` → code. Validation codes are graphql-ruby's camelCase names.
 * `message` matters only without a code: Shopify's documented throttle body (and older captures)
 * is `{"errors":[{"message":"Throttled"}]}` with no extensions, and it must still be waited out.
 */
export function codeForGraphqlError(code: string | undefined, message?: string): ShopifyErrorCode {
  switch (code) {
    case 'THROTTLED':
      return 'shopify.throttled';
    // The document does not parse, or fails validation as a whole: a bug in the query text.
    case 'PARSE_ERROR':
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'shopify.invalid_query';
    case 'MAX_COST_EXCEEDED':
      return 'shopify.max_cost_exceeded';
    case 'ACCESS_DENIED':
      return 'shopify.access_denied';
    case 'SHOP_INACTIVE':
      return 'shopify.shop_unavailable';
    case 'INTERNAL_SERVER_ERROR':
      return 'shopify.server_error';
    case 'INVALID_VARIABLE':
    case 'INVALID_FIELD_ARGUMENTS':
    case 'MAX_INPUT_SIZE_EXCEEDED':
      return 'shopify.invalid_variables';
    case 'BAD_REQUEST':
      return 'shopify.bad_request';
    case undefined:
      return message?.trim().toLowerCase() === 'throttled' ? 'shopify.throttled' : 'shopify.graphql_error';
    default:
      // graphql-ruby's static validation codes (undefinedField, missingRequiredArguments, …).
      return /^[a-z]+[A-Za-z]*$/.test(code) ? 'shopify.invalid_query' : 'shopify.graphql_error';
  }
}

export function codeForStatus(status: number): ShopifyErrorCode {
  if (status === 401) return 'shopify.auth';
  if (status === 403) return 'shopify.access_denied';
  if (status === 402 || status === 423) return 'shopify.shop_unavailable';
  if (status === 404) return 'shopify.not_found';
  if (status === 429) return 'shopify.throttled';
  if (status >= 500) return 'shopify.server_error';
  if (status >= 400) return 'shopify.bad_request';
  return 'shopify.unexpected_response';
}
