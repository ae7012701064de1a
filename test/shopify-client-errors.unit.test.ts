import { FAILURE_CODES } from '@shopsync/core';
import { toShopifyError } from '@shopsync/shopify-client';

// toShopifyError is the one place wire failures become SyncErrors (STYLE C6). Bodies below are
// recorded-style: shapes and texts from notes §2–§5 and the draft-proxy captures.

const cost = (requested: number, available: number, restoreRate = 100, max = 2000) => ({
  cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate } },
});

describe('toShopifyError', () => {
  it('maps THROTTLED in an HTTP 200 body to a retryable rate_limited error with the wait the numbers imply', () => {
    const body = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: cost(752, 666, 50.0, 1000.0) };
    const error = toShopifyError({ kind: 'graphql', body }, { document: 'OrderById' });
    expect(error).toMatchObject({ code: 'shopify.throttled', category: 'rate_limited', retryable: true, retryAfterMs: 1720 });
    expect(error.details).toMatchObject({ document: 'OrderById', graphqlCodes: ['THROTTLED'] });
  });

  it('treats the bare {"message":"Throttled"} body (no extensions.code) as a throttle, waited out like THROTTLED', () => {
    // Shopify's documented throttle shape, seen in older captures: HTTP 200, no code, maybe no numbers.
    const bare = { errors: [{ message: 'Throttled' }] };
    expect(toShopifyError({ kind: 'graphql', body: bare }, { document: 'OrderById' })).toMatchObject({ code: 'shopify.throttled', category: 'rate_limited', retryable: true, retryAfterMs: 1000, details: { action: 'retry', graphqlCodes: [] } });
    // With numbers, the same wait as a THROTTLED with a code: ceil((752 − 666) / 50) s.
    expect(toShopifyError({ kind: 'graphql', body: { ...bare, extensions: cost(752, 666, 50.0, 1000.0) } })).toMatchObject({ code: 'shopify.throttled', retryAfterMs: 1720 });
    // Without numbers, from the client's bucket: the request's 752 points restored from empty at 50/s.
    const bucket = { maximumAvailable: 1000, restoreRate: 50 };
    expect(toShopifyError({ kind: 'graphql', body: bare }, { bucket, expectedCost: 752 })).toMatchObject({ code: 'shopify.throttled', retryAfterMs: 15_040 });
    // A cheap query never retries faster than Shopify's own client (1 s).
    expect(toShopifyError({ kind: 'graphql', body: bare }, { bucket, expectedCost: 10 })).toMatchObject({ retryAfterMs: 1000 });
    // Any other code-less error is still a generic, non-retryable GraphQL error.
    expect(toShopifyError({ kind: 'graphql', body: { errors: [{ message: 'Something else went wrong' }] } })).toMatchObject({ code: 'shopify.graphql_error', retryable: false });
  });

  it('maps PARSE_ERROR and whole-document validation failures to shopify.invalid_query, saying the query itself is invalid', () => {
    const parse = { errors: [{ message: 'syntax error, unexpected end of file at [3, 5]', locations: [{ line: 3, column: 5 }], extensions: { code: 'PARSE_ERROR' } }] };
    const error = toShopifyError({ kind: 'graphql', body: parse }, { document: 'OrderById' });
    expect(error).toMatchObject({ code: 'shopify.invalid_query', category: 'internal', retryable: false, details: { action: 'fix_query', graphqlCodes: ['PARSE_ERROR'], document: 'OrderById' } });
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe('The OrderById query itself is invalid (PARSE_ERROR), so resending it cannot succeed; the query text must be fixed: syntax error, unexpected end of file at [3, 5]');
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']) {
      expect(toShopifyError({ kind: 'graphql', body: { errors: [{ message: 'x', extensions: { code } }] } })).toMatchObject({ code: 'shopify.invalid_query', category: 'internal', retryable: false });
    }
  });

  it('maps HTTP 429 with Retry-After and 503 without it', () => {
    expect(toShopifyError({ kind: 'http', status: 429, body: { errors: 'Exceeded 2 calls per second for api client.' }, headers: { 'Retry-After': '2.0' } })).toMatchObject({ code: 'shopify.throttled', retryable: true, retryAfterMs: 2000 });
    expect(toShopifyError({ kind: 'http', status: 503, body: '<html>Service Unavailable</html>' })).toMatchObject({ code: 'shopify.server_error', category: 'transient', retryable: true, retryAfterMs: 1000 });
    expect(toShopifyError({ kind: 'http', status: 500, body: { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } })).toMatchObject({ code: 'shopify.server_error', retryable: true });
  });

  it('maps MAX_COST_EXCEEDED to an internal, non-retryable failure: the query has to change', () => {
    const body = { errors: [{ message: 'Query cost is 1723, which exceeds the single query max cost limit (1000).', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1723, maxCost: 1000 } }] };
    expect(toShopifyError({ kind: 'graphql', body })).toMatchObject({ code: 'shopify.max_cost_exceeded', category: 'internal', retryable: false, details: { action: 'fix_query' } });
  });

  it('maps authentication, scope, missing shop and frozen shop', () => {
    const unauthorized = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };
    expect(toShopifyError({ kind: 'http', status: 401, body: unauthorized })).toMatchObject({ code: 'shopify.auth', category: 'auth', retryable: false, message: unauthorized.errors });
    expect(toShopifyError({ kind: 'graphql', body: { errors: [{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED' } }] } })).toMatchObject({ code: 'shopify.access_denied', category: 'auth' });
    expect(toShopifyError({ kind: 'http', status: 404, body: { errors: 'Not Found' } })).toMatchObject({ code: 'shopify.not_found', category: 'drift' });
    expect(toShopifyError({ kind: 'http', status: 402, body: { errors: 'Unavailable Shop' } })).toMatchObject({ code: 'shopify.shop_unavailable' });
  });

  it('maps static validation and variable errors to internal failures naming the problem', () => {
    const undefinedField = { errors: [{ message: "Field 'skuu' doesn't exist on type 'LineItem'", locations: [{ line: 3, column: 5 }], path: ['query OrderById', 'order', 'skuu'], extensions: { code: 'undefinedField', typeName: 'LineItem', fieldName: 'skuu' } }] };
    expect(toShopifyError({ kind: 'graphql', body: undefinedField })).toMatchObject({ code: 'shopify.invalid_query', category: 'internal', retryable: false, details: { paths: [['query OrderById', 'order', 'skuu']] } });
    const invalidVariable = { errors: [{ message: 'Variable $input of type InventorySetQuantitiesInput! was provided invalid value for ignoreCompareQuantity (Field is not defined on InventorySetQuantitiesInput)', extensions: { code: 'INVALID_VARIABLE' } }] };
    expect(toShopifyError({ kind: 'graphql', body: invalidVariable })).toMatchObject({ code: 'shopify.invalid_variables', category: 'internal' });
    const missingDirective = { errors: [{ message: 'The @idempotent directive is required for this mutation but was not provided.', extensions: { code: 'BAD_REQUEST' }, path: ['inventorySetQuantities'] }], data: { inventorySetQuantities: null } };
    expect(toShopifyError({ kind: 'graphql', body: missingDirective })).toMatchObject({ code: 'shopify.bad_request', category: 'internal' });
  });

  it('maps userErrors by code: stale quantities and concurrent requests are retryable, the rest are not', () => {
    const stale = toShopifyError({ kind: 'user-errors', field: 'inventorySetQuantities', userErrors: [{ field: ['input', 'quantities', '0', 'changeFromQuantity'], message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' }] });
    expect(stale).toMatchObject({ code: 'shopify.user_error.change_from_quantity_stale', category: 'conflict', retryable: true, details: { action: 'refetch_and_reapply' } });
    expect(stale.message).toBe('inventorySetQuantities: input.quantities.0.changeFromQuantity: The changeFromQuantity argument no longer matches the persisted quantity.');
    const concurrent = toShopifyError({ kind: 'user-errors', field: 'inventorySetQuantities', userErrors: [{ field: null, message: 'This request is currently in progress, please try again.', code: 'IDEMPOTENCY_CONCURRENT_REQUEST' }] });
    expect(concurrent).toMatchObject({ code: 'shopify.user_error.idempotency_concurrent_request', category: 'transient', retryable: true });
    expect(toShopifyError({ kind: 'user-errors', field: 'inventorySetQuantities', userErrors: [{ field: null, message: 'x', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' }] })).toMatchObject({ retryable: false, category: 'internal' });
    expect(toShopifyError({ kind: 'user-errors', field: 'inventorySetQuantities', userErrors: [{ field: ['input', 'quantities', '0', 'inventoryItemId'], message: 'The specified inventory item could not be found.', code: 'INVALID_INVENTORY_ITEM' }] })).toMatchObject({ category: 'mapping', retryable: false });
    // fulfillmentCreate's userErrors carry no code (notes §5).
    const fulfil = toShopifyError({ kind: 'user-errors', field: 'fulfillmentCreate', userErrors: [{ field: ['fulfillment'], message: 'Invalid fulfillment order line item quantity requested.' }] });
    expect(fulfil).toMatchObject({ code: 'shopify.user_error', category: 'validation', retryable: false });
    expect(toShopifyError({ kind: 'user-errors', field: 'bulkOperationRunQuery', userErrors: [{ field: null, message: 'A bulk query operation for this app and shop is already in progress', code: 'OPERATION_IN_PROGRESS' }] })).toMatchObject({ category: 'rate_limited', retryable: true });
  });

  it('maps lost connections to shopify.network and says whether the request can have reached Shopify', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(toShopifyError({ kind: 'no-response', cause: reset })).toMatchObject({ code: 'shopify.network', category: 'transient', retryable: true, details: { requestSent: true } });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toShopifyError({ kind: 'no-response', cause: refused }).details).toMatchObject({ requestSent: false });
    expect(toShopifyError({ kind: 'no-response', cause: new TypeError('boom') })).toMatchObject({ code: 'shopify.unexpected_response', retryable: false });
  });

  it('merges caller details (e.g. batches already applied) into the error', () => {
    const error = toShopifyError({ kind: 'user-errors', field: 'inventorySetQuantities', userErrors: [{ message: 'x', code: 'CHANGE_FROM_QUANTITY_STALE' }] }, { details: { batch: 2, appliedGroups: ['gid://shopify/InventoryAdjustmentGroup/1'] } });
    expect(error.details).toMatchObject({ batch: 2, appliedGroups: ['gid://shopify/InventoryAdjustmentGroup/1'], action: 'refetch_and_reapply' });
  });

  it('has a category and retry flag for every code it can produce', () => {
    // The Shopify client's rows of the one table in core, shopify.user_error.* included.
    for (const info of Object.entries(FAILURE_CODES).filter(([code]) => code.startsWith('shopify.')).map(([, row]) => row)) {
      expect(['transient', 'rate_limited', 'auth', 'mapping', 'validation', 'conflict', 'drift', 'internal']).toContain(info.category);
      expect(typeof info.retryable).toBe('boolean');
    }
  });
});
