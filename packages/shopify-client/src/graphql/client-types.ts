import type { QueryCost } from './wire-types';

interface RequestEventBase {
  /** The document's registry name, e.g. `OrderById`: no variables, ids or tokens. */
  readonly document: string;
  readonly attempt: number;
}

/**
 * The small fixed set of client log events (STYLE C14). `api.version_mismatch` reports that
 * Shopify served another version than the one requested (the pinned one fell out of support).
 */
export type ShopifyClientEvent =
  | (RequestEventBase & { readonly type: 'http.request'; readonly status?: number; readonly durationMs: number; readonly code?: string; readonly cost?: QueryCost })
  | (RequestEventBase & { readonly type: 'http.retry'; readonly code: string; readonly delayMs: number })
  | (RequestEventBase & { readonly type: 'http.throttled'; readonly source: 'local-bucket' | 'shopify'; readonly delayMs: number; readonly expectedCost: number })
  | { readonly type: 'api.version_mismatch'; readonly requested: string; readonly served: string };

export interface ShopifyGraphqlClientOptions {
  /** "my-shop", "my-shop.myshopify.com", or an origin such as the simulator's "http://127.0.0.1:PORT". */
  readonly shop: string;
  readonly accessToken: string;
  /** Default SHOPIFY_ADMIN_API_VERSION (2026-10). */
  readonly apiVersion?: string;
  readonly timeoutMs?: number;
  /** Retries after THROTTLED, 429, 503/5xx and lost connections (the last two only for retry-safe documents). Default 5. */
  readonly maxRetries?: number;
  readonly onEvent?: (event: ShopifyClientEvent) => void;
  /** Injected so tests never wait (STYLE C13). Default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds; drives the local bucket's restore. Default performance.now(). */
  readonly clock?: () => number;
  /** Jitter in [0, 1) for 5xx backoff (STYLE C3). Default 0.5, i.e. no randomness. */
  readonly random?: () => number;
}
