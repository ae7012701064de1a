import type { FailureCode } from '@shopsync/core';

/**
 * The codes toShopifyError produces. Their category, retry safety and remedy are rows of core's
 * FAILURE_CODES (the one table, STYLE C5), `shopify.user_error.<code>` included; this file only
 * says which wire answer is which code.
 */
export type ShopifyErrorCode = Extract<FailureCode, `shopify.${string}`>;

/** A mutation's `userErrors[].code` as its failure code: lower-cased, so CHANGE_FROM_QUANTITY_STALE → `shopify.user_error.change_from_quantity_stale`. */
export function codeForUserError(code: string | null | undefined): ShopifyErrorCode {
  return code ? `shopify.user_error.${code.toLowerCase()}` : 'shopify.user_error';
}

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
