export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is spread by `jitter01`
 * (a number in [0, 1) the caller draws), so retries of many events do not arrive in lockstep.
 * A server's own hint (Retry-After, Shopify's restore rate) wins when it is longer.
 */
export function nextDelayMs(attempt: number, policy: RetryPolicy, jitter01: number, serverHintMs = 0): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * Math.min(Math.max(jitter01, 0), 1);
  return Math.round(Math.max(jittered, serverHintMs));
}

/** Whether an event that failed on attempt `attempt` (1-based) may be tried again. */
export function mayRetry(attempt: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts;
}
