import { isSyncError, nextDelayMs, SyncError } from '@shopsync/core';

/**
 * A count, not a time budget like the worker's: a reconcile run has a person (or cron) waiting on it,
 * and one order's few reads should give up in seconds, not hours. Delays come from nextDelayMs.
 */
export interface ReadRetryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

/**
 * Reconcile's one retry layer for reads: its ERPNext client retries nothing itself (maxReadRetries 0),
 * so a read timing out for good costs `maxAttempts` timeouts, not attempts × the client's retries.
 */
export const RECONCILE_RETRY: ReadRetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 15_000, maxAttempts: 4 };

/** How waiting is done: tests pass a sleep that returns at once and a fixed jitter (STYLE C3). */
export interface RetryDeps {
  readonly policy: ReadRetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for nextDelayMs. */
  readonly jitter: () => number;
}

export const realRetryDeps: RetryDeps = {
  policy: RECONCILE_RETRY,
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  jitter: Math.random,
};

export type Attempted<T> = { readonly ok: true; readonly value: T; readonly attempts: number } | { readonly ok: false; readonly error: SyncError; readonly attempts: number };

/**
 * Anything a read throws, as a SyncError: the clients throw nothing else, so another error is a bug
 * here, reported for the one order it hit (not retried: it would fail the same way) instead of
 * ending the run.
 */
export function asSyncError(error: unknown): SyncError {
  if (isSyncError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return SyncError.of('reconcile.unexpected', { message: `unexpected error while reading: ${message}`, cause: error });
}

/**
 * Runs `read`, repeating it after a retryable SyncError (network, timeout, 5xx, 429, deadlock) with
 * nextDelayMs backoff (a Retry-After hint wins when longer); a non-retryable error is returned after
 * one attempt. Never throws: the caller turns a failure into a finding.
 */
export async function readWithRetry<T>(read: () => Promise<T>, deps: RetryDeps, onRetry?: (error: SyncError, attempt: number, delayMs: number) => void): Promise<Attempted<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ok: true, value: await read(), attempts: attempt };
    } catch (thrown) {
      const error = asSyncError(thrown);
      if (!error.retryable || attempt >= deps.policy.maxAttempts) return { ok: false, error, attempts: attempt };
      const delayMs = nextDelayMs(attempt, deps.policy, deps.jitter(), error.retryAfterMs ?? 0);
      onRetry?.(error, attempt, delayMs);
      await deps.sleep(delayMs);
    }
  }
}

/** The error's sentence, and how often it was tried when more than once: the reason of a finding or a stop (its code goes beside it). */
export function failureReason(error: SyncError, attempts: number): string {
  const sentence = error.message.replace(/\s+/g, ' ').trim();
  return `${sentence}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`;
}
