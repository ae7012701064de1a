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
