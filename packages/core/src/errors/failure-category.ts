/** The operator-facing failure categories of DESIGN §4. */
export const FAILURE_CATEGORIES = [
  'transient',
  'rate_limited',
  'auth',
  'mapping',
  'validation',
  'conflict',
  'drift',
  'internal',
] as const;

export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** Categories whose failures the engine retries by itself (with backoff), before parking them. */
export function isAutoRetried(category: FailureCategory): boolean {
  return category === 'transient' || category === 'rate_limited';
}
