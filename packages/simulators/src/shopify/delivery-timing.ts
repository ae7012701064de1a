// Shopify: "retried a total of 8 times over 4 hours using an exponential backoff schedule"
// (changelog 2024-09-10, notes §1.3). The exact delays are not published; doubling delays whose
// sum is exactly four hours is the simplest schedule that satisfies both numbers.

export const SHOPIFY_WEBHOOK_RETRY_POLICY = {
  maxRetries: 8,
  windowSeconds: 4 * 60 * 60,
} as const;

/** Delay before retry `retry` (1-based), in "Shopify seconds": ≈56 s, 113 s, … ≈7228 s. */
export function retryDelaySeconds(retry: number, policy: { maxRetries: number; windowSeconds: number } = SHOPIFY_WEBHOOK_RETRY_POLICY): number {
  if (!Number.isInteger(retry) || retry < 1 || retry > policy.maxRetries) {
    throw new Error(`retry must be an integer in [1, ${policy.maxRetries}], received ${retry}`);
  }
  const base = policy.windowSeconds / (2 ** policy.maxRetries - 1);
  return base * 2 ** (retry - 1);
}

/**
 * Real milliseconds to wait before a retry on the compressed clock: Shopify seconds × 1000 / scale.
 * scale 1 is real time; tests use a large scale so four hours pass in a few milliseconds.
 */
export function compressedRetryDelayMs(retry: number, timeScale: number): number {
  return (retryDelaySeconds(retry) * 1000) / timeScale;
}

/**
 * The only source of waiting in webhook delivery (backoff, fault delays, request timeouts), so a
 * test can pass a fake and no delivery ever depends on wall-clock sleeps.
 */
export interface WebhookTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemWebhookTimer: WebhookTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
