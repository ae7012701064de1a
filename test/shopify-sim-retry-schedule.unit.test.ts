import { SHOPIFY_WEBHOOK_RETRY_POLICY, shopifyRetryDelaySeconds } from '@shopsync/simulators';
import { compressedRetryDelayMs } from '../packages/simulators/src/shopify/delivery-timing';

// Shopify: "retried a total of 8 times over 4 hours using an exponential backoff schedule".

describe('webhook retry schedule', () => {
  const delays = Array.from({ length: SHOPIFY_WEBHOOK_RETRY_POLICY.maxRetries }, (_, i) => shopifyRetryDelaySeconds(i + 1));

  it('has 8 retries that together take exactly four hours', () => {
    expect(delays).toHaveLength(8);
    expect(delays.reduce((a, b) => a + b, 0)).toBeCloseTo(4 * 60 * 60, 6);
  });

  it('doubles the delay on every retry', () => {
    delays.slice(1).forEach((d, i) => expect(d / (delays[i] ?? NaN)).toBeCloseTo(2, 9));
    expect(Math.round(delays[0] ?? 0)).toBe(56);
  });

  it('runs on a compressed clock', () => {
    expect(compressedRetryDelayMs(8, 1000)).toBeCloseTo((delays[7] ?? NaN), 9);
    expect(compressedRetryDelayMs(1, 1)).toBeCloseTo((delays[0] ?? NaN) * 1000, 9);
  });

  it('rejects a ninth retry', () => {
    expect(() => shopifyRetryDelaySeconds(9)).toThrow(/retry must be an integer in \[1, 8\], received 9/);
  });
});
