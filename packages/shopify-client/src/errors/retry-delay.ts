import type { QueryCost } from '../graphql/wire-types';

/** What Shopify's own client waits after a 429 or 503 without better information (notes §2). */
export const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * The wait the numbers imply after THROTTLED: the points missing for the request, restored at
 * `restoreRate` per second (notes §2: ceil((requested − currentlyAvailable) / restoreRate) s).
 */
export function throttleDelayMs(cost: QueryCost | undefined): number | undefined {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested === null || requested === undefined || status.restoreRate <= 0) return undefined;
  const missing = Math.min(requested, status.maximumAvailable) - status.currentlyAvailable;
  return Math.max(0, Math.ceil((missing / status.restoreRate) * 1000));
}

/** What the client knows of its bucket when Shopify's answer carries no numbers (cost-bucket.ts). */
export interface BucketLimits {
  readonly maximumAvailable: number;
  readonly restoreRate: number;
}

/**
 * The wait after a throttle that carries no `extensions.cost` (the bare `{"message":"Throttled"}`
 * shape): Shopify refused the request, so the bucket holds less than the client believed; assume
 * it empty and wait until the request's expected points are restored at the last observed rate.
 * Never shorter than Shopify's own client waits, so a bucket shared with other processes is not
 * hammered by retries of cheap queries. Undefined before the client has seen any numbers.
 */
export function bucketThrottleDelayMs(limits: BucketLimits | undefined, expectedCost: number | undefined): number | undefined {
  if (!limits || expectedCost === undefined) return undefined;
  const fromEmpty = throttleDelayMs({ requestedQueryCost: expectedCost, actualQueryCost: null, throttleStatus: { ...limits, currentlyAvailable: 0 } });
  return fromEmpty === undefined ? undefined : Math.max(DEFAULT_RETRY_AFTER_MS, fromEmpty);
}

function headerValue(headers: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : undefined;
}

/** `Retry-After` (seconds or an HTTP-date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfterMs(headers: Readonly<Record<string, unknown>> | undefined, nowMs: number): number | undefined {
  const raw = headerValue(headers, 'retry-after');
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
