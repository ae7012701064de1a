const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

/**
 * Delay before read retry `attempt` (1-based): exponential from 250 ms, capped at 8 s, with "equal
 * jitter" (half fixed, half random) so concurrent readers spread out. `jitter01` is in [0, 1).
 */
export function readBackoffMs(attempt: number, jitter01: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter01);
}
