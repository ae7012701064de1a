/** Exponential backoff bounds; shared by the event retries and the clients' own read retries. */
export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * How long a failing event is retried. The budget is a time, not a count: Shopify itself retries a
 * webhook for about four hours, and an ERPNext upgrade or restart takes minutes — eight attempts with
 * backoff were over in about two minutes and parked events an operator then had to press retry on.
 */
export interface RetryPolicy extends BackoffPolicy {
  readonly retryBudgetMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is spread by `jitter01`
 * (a number in [0, 1) the caller draws), so retries of many events do not arrive in lockstep.
 * A server's own hint (Retry-After, Shopify's restore rate) wins when it is longer.
 */
export function nextDelayMs(attempt: number, policy: BackoffPolicy, jitter01: number, serverHintMs = 0): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * Math.min(Math.max(jitter01, 0), 1);
  return Math.round(Math.max(jittered, serverHintMs));
}

/**
 * Whether a failing event may be tried again: yes until its budget has run out, counted from its
 * first failure in this series (`retryingSinceMs`; null when this failure is the first).
 */
export function mayRetry(retryingSinceMs: number | null, nowMs: number, policy: RetryPolicy): boolean {
  return retryingSinceMs === null || nowMs - retryingSinceMs < policy.retryBudgetMs;
}
