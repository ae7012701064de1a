function headerValue(headers: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : undefined;
}

/**
 * `Retry-After` in milliseconds: Frappe's rate limiter sends whole seconds (notes §6); RFC 9110
 * also allows an HTTP-date. Undefined when absent or unreadable, so the caller uses its backoff.
 */
export function parseRetryAfterMs(headers: Readonly<Record<string, unknown>> | undefined, nowMs?: number): number | undefined {
  const raw = headerValue(headers, 'retry-after');
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - (nowMs ?? Date.now()));
}
