import { nextDelayMs, SyncError, type BackoffPolicy } from '@shopsync/core';
import { toShopifyError } from '../errors/to-shopify-error';
import { isRegisteredDocument } from '../operations/document-registry';
import { SHOPIFY_ADMIN_API_VERSION, isShopifyApiVersion } from './api-version';
import type { ShopifyClientEvent, ShopifyGraphqlClientOptions } from './client-types';
import { CostBucket } from './cost-bucket';
import { CostMemory } from './cost-memory';
import { createGraphqlTransport, type GraphqlTransport, type RawResponse } from './graphql-transport';
import type { ShopifyDocument } from './shopify-document';
import { readQueryCost, type QueryCost } from './wire-types';

export interface GraphqlResult<T> {
  readonly data: T;
  readonly cost: QueryCost | undefined;
  /** `X-Shopify-API-Version` of this response: the version that actually served it. */
  readonly apiVersion: string | null;
}

export interface ShopifyGraphqlClient {
  readonly apiVersion: string;
  /** Sends one document; resolves with `data`, or throws a SyncError made by toShopifyError. */
  request<T>(document: ShopifyDocument, variables?: Readonly<Record<string, unknown>>): Promise<GraphqlResult<T>>;
  /** Points the local bucket believes are available now (undefined before the first response). */
  availablePoints(): number | undefined;
}

const SERVER_BACKOFF: BackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 16_000 };

function validate(options: ShopifyGraphqlClientOptions): void {
  const problems: string[] = [];
  if (!options.shop) problems.push('shop must be a shop name, *.myshopify.com domain or http(s) origin');
  if (!options.accessToken) problems.push('accessToken must be a non-empty string');
  if (options.apiVersion !== undefined && !isShopifyApiVersion(options.apiVersion)) problems.push(`apiVersion must look like 2026-10, got ${JSON.stringify(options.apiVersion)}`);
  const retries = options.maxRetries;
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) problems.push(`maxRetries must be an integer >= 0, got ${retries}`);
  if (problems.length > 0) throw new TypeError(`createShopifyGraphqlClient: ${problems.join('; ')}`);
}

function isGraphqlBody(body: unknown): body is { data?: unknown; errors?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && ('data' in body || 'errors' in body);
}

function headerOf(response: RawResponse, name: string): string | null {
  const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : response.headers[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * GraphQL over axios with Shopify's cost-based throttling handled here (STYLE "better than the
 * anchors" #2): requests wait in a local leaky bucket sized from `throttleStatus`; THROTTLED (200),
 * 429 and 503 are retried after the time the numbers imply; 5xx and lost connections are retried
 * only for retry-safe documents (queries and `@idempotent` mutations).
 */
export function createShopifyGraphqlClient(options: ShopifyGraphqlClientOptions, transport?: GraphqlTransport): ShopifyGraphqlClient {
  validate(options);
  const apiVersion = options.apiVersion ?? SHOPIFY_ADMIN_API_VERSION;
  const send = transport ?? createGraphqlTransport({ shop: options.shop, accessToken: options.accessToken, apiVersion, timeoutMs: options.timeoutMs ?? 30_000 });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? (() => performance.now());
  const random = options.random ?? (() => 0.5);
  const maxRetries = options.maxRetries ?? 5;
  const emit = (event: ShopifyClientEvent): void => options.onEvent?.(event);
  const bucket = new CostBucket(clock);
  const costs = new CostMemory();
  let lastServed: string | null = null;

  function noteVersion(served: string | null): void {
    if (served === null || served === lastServed) return;
    lastServed = served;
    if (served !== apiVersion) emit({ type: 'api.version_mismatch', requested: apiVersion, served });
  }

  async function attemptOnce<T>(document: ShopifyDocument, variables: Readonly<Record<string, unknown>>, attempt: number): Promise<{ ok: true; result: GraphqlResult<T> } | { ok: false; error: SyncError }> {
    const expectedCost = costs.expected(document, variables);
    const release = await bucket.acquire(expectedCost, sleep, (delayMs) => emit({ type: 'http.throttled', document: document.name, attempt, source: 'local-bucket', delayMs, expectedCost }));
    const started = clock();
    const base = { document: document.name, attempt };
    let response: RawResponse;
    try {
      response = await send(document.text, variables);
    } catch (cause) {
      release();
      const error = toShopifyError({ kind: 'no-response', cause }, { document: document.name });
      emit({ type: 'http.request', ...base, durationMs: Math.round(clock() - started), code: error.code });
      return { ok: false, error };
    }
    const served = headerOf(response, 'x-shopify-api-version');
    noteVersion(served);
    const cost = readQueryCost(response.body);
    if (cost?.throttleStatus) bucket.observe(cost.throttleStatus);
    if (cost?.requestedQueryCost != null) costs.learn(document, variables, cost.requestedQueryCost);
    const durationMs = Math.round(clock() - started);
    const ok2xx = response.status >= 200 && response.status < 300 && isGraphqlBody(response.body);
    const context = { document: document.name, bucket: bucket.limits(), expectedCost };
    const error = !ok2xx
      ? toShopifyError({ kind: 'http', status: response.status, body: response.body, headers: response.headers }, { ...context, nowMs: Date.now() })
      : Array.isArray((response.body as { errors?: unknown }).errors) && ((response.body as { errors: unknown[] }).errors.length > 0)
        ? toShopifyError({ kind: 'graphql', body: response.body }, context)
        : undefined;
    // A GraphQL throttle without numbers still tells the bucket something: it was emptier than believed.
    if (ok2xx && error?.code === 'shopify.throttled' && !cost?.throttleStatus) bucket.assumeEmpty();
    release();
    emit({ type: 'http.request', ...base, status: response.status, durationMs, ...(error ? { code: error.code } : {}), ...(cost ? { cost } : {}) });
    if (error) return { ok: false, error };
    return { ok: true, result: { data: (response.body as { data: T }).data, cost, apiVersion: served } };
  }

  function mayRetry(error: SyncError, document: ShopifyDocument): boolean {
    if (!error.retryable) return false;
    // A throttled request never ran; a refused connection never reached Shopify.
    if (error.code === 'shopify.throttled' || error.details.requestSent === false) return true;
    return (error.code === 'shopify.server_error' || error.code === 'shopify.network') && document.retrySafe;
  }

  return {
    apiVersion,
    availablePoints: () => bucket.available(),
    async request<T>(document: ShopifyDocument, variables: Readonly<Record<string, unknown>> = {}) {
      if (!isRegisteredDocument(document)) {
        // Only registered documents are validated against the schema by the test suite (issue 4).
        throw SyncError.of('shopify.unregistered_document', { message: `document ${document.name} is not in SHOPIFY_DOCUMENTS`, details: { document: document.name } });
      }
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await attemptOnce<T>(document, variables, attempt);
        if (outcome.ok) return outcome.result;
        const { error } = outcome;
        if (attempt > maxRetries || !mayRetry(error, document)) throw error;
        const delayMs = error.code === 'shopify.throttled' ? (error.retryAfterMs ?? 0) : nextDelayMs(attempt, SERVER_BACKOFF, random(), error.retryAfterMs ?? 0);
        if (error.code === 'shopify.throttled') emit({ type: 'http.throttled', document: document.name, attempt, source: 'shopify', delayMs, expectedCost: costs.expected(document, variables) });
        emit({ type: 'http.retry', document: document.name, attempt, code: error.code, delayMs });
        await sleep(delayMs);
      }
    },
  };
}
