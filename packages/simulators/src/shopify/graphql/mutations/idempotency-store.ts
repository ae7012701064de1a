/** The IDEMPOTENCY_* userError codes of the 2026-10 schema (notes §3.4). */
export const IDEMPOTENCY_ERRORS = {
  concurrent: { code: 'IDEMPOTENCY_CONCURRENT_REQUEST', message: 'This request is currently in progress, please try again.' },
  mismatch: { code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', message: 'The same idempotency key cannot be used with different operation parameters.' },
  previousFailed: { code: 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED', message: 'A previous request with this idempotency key failed. Retry with a new idempotency key.' },
} as const;
export type IdempotencyError = (typeof IDEMPOTENCY_ERRORS)[keyof typeof IDEMPOTENCY_ERRORS];

type Entry =
  | { readonly fingerprint: string; readonly state: 'running'; readonly at: number }
  | { readonly fingerprint: string; readonly state: 'succeeded' | 'failed'; readonly payload: unknown; readonly at: number };

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; payload: unknown } | { kind: 'refused'; error: IdempotencyError };

/**
 * `@idempotent(key:)` semantics: the first request with a key runs; the same key with the same
 * input returns the first result (no second change, no second webhook); with other input, or while
 * the first is still running, or after the first failed, Shopify's IDEMPOTENCY_* userErrors.
 * Keys are scoped per mutation field and kept `retentionMs` (24 h: an assumption, the retention
 * page was not in our copies).
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clockMs: () => number,
    private readonly retentionMs = 24 * 60 * 60 * 1000,
  ) {}

  claim(field: string, key: string, input: unknown): IdempotencyClaim {
    const id = `${field}\u0000${key}`;
    const fingerprint = canonicalJson(input);
    const existing = this.entries.get(id);
    const now = this.clockMs();
    if (existing && now - existing.at <= this.retentionMs) {
      if (existing.fingerprint !== fingerprint) return { kind: 'refused', error: IDEMPOTENCY_ERRORS.mismatch };
      if (existing.state === 'running') return { kind: 'refused', error: IDEMPOTENCY_ERRORS.concurrent };
      if (existing.state === 'failed') return { kind: 'refused', error: IDEMPOTENCY_ERRORS.previousFailed };
      return { kind: 'replay', payload: existing.payload };
    }
    this.entries.set(id, { fingerprint, state: 'running', at: now });
    return { kind: 'new' };
  }

  finish(field: string, key: string, input: unknown, state: 'succeeded' | 'failed', payload: unknown): void {
    this.entries.set(`${field}\u0000${key}`, { fingerprint: canonicalJson(input), state, payload, at: this.clockMs() });
  }
}

/** JSON with sorted object keys, so `{a,b}` and `{b,a}` are the same input. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
