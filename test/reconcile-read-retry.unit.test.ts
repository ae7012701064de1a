import { SyncError } from '@shopsync/core';
import type { OrderCheck } from '../packages/runner/src/reconcile/check-order';
import { readWithRetry, type RetryDeps } from '../packages/runner/src/reconcile/read-with-retry';
import { stopWatch, UNREACHABLE_AFTER_ORDERS } from '../packages/runner/src/reconcile/shop-stop';

// How reconcile's reads give up: per order, retrying only what may succeed, and stopping a shop only
// when every further order would fail alike.

function deps(): RetryDeps & { waits: number[] } {
  const waits: number[] = [];
  return { waits, policy: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 3 }, jitter: () => 0.5, sleep: async (ms) => void waits.push(ms) };
}

const network = () => SyncError.retryable({ code: 'erpnext.network', category: 'transient', message: 'ERPNext request timed out' });
const throttled = () => SyncError.retryable({ code: 'erpnext.rate_limited', category: 'rate_limited', message: 'slow down', retryAfterMs: 5_000 });
const forbidden = () => SyncError.permanent({ code: 'erpnext.permission', category: 'auth', message: 'No permission for Payment Entry' });

function failing(...errors: unknown[]): () => Promise<string> {
  return async () => {
    const next = errors.shift();
    if (next !== undefined) throw next;
    return 'read';
  };
}

describe('readWithRetry', () => {
  test('a transient error is retried with nextDelayMs backoff until the read succeeds', async () => {
    const d = deps();
    expect(await readWithRetry(failing(network(), network()), d)).toEqual({ ok: true, value: 'read', attempts: 3 });
    // Equal jitter at 0.5: 75% of 100 ms, then of 200 ms.
    expect(d.waits).toEqual([75, 150]);
  });

  test('gives up after maxAttempts and returns the last error; a Retry-After hint wins when longer', async () => {
    const d = deps();
    const result = await readWithRetry(failing(throttled(), network(), network(), network()), d);
    expect(result).toMatchObject({ ok: false, attempts: 3, error: { code: 'erpnext.network' } });
    expect(d.waits).toEqual([5_000, 150]);
  });

  test('a non-retryable error, or an error that is not a SyncError (a bug), is returned after one attempt', async () => {
    const d = deps();
    expect(await readWithRetry(failing(forbidden()), d)).toMatchObject({ ok: false, attempts: 1, error: { code: 'erpnext.permission' } });
    expect(await readWithRetry(failing(new TypeError('x is undefined')), d)).toMatchObject({ ok: false, attempts: 1, error: { code: 'reconcile.unexpected', message: 'unexpected error while reading: x is undefined' } });
    expect(d.waits).toEqual([]);
  });
});

describe('stopWatch', () => {
  const notCompared = (name: string, error: SyncError | null): OrderCheck => ({ kind: 'not_compared', order: { id: name, name, code: error?.code ?? 'plan.skipped', reason: 'why', attempts: 1 }, error });
  const compared: OrderCheck = { kind: 'compared', read: {} as never, findings: [] };

  test('an auth refusal that holds for every order stops the shop at once; a 403 on one doctype does not', () => {
    const watch = stopWatch();
    expect(watch(notCompared('#1', forbidden()))).toBeNull();
    expect(watch(notCompared('#2', SyncError.permanent({ code: 'erpnext.auth', category: 'auth', message: 'Invalid key' })))).toMatchObject({ code: 'erpnext.auth', reason: '#2: why; every other order would be refused alike' });
  });

  test(`${UNREACHABLE_AFTER_ORDERS} orders in a row failing after retries count as unreachable; one compared in between resets the count`, () => {
    const watch = stopWatch();
    for (let n = 1; n < UNREACHABLE_AFTER_ORDERS; n += 1) expect(watch(notCompared(`#${n}`, network()))).toBeNull();
    expect(watch(compared)).toBeNull();
    expect(watch(notCompared('#p', null))).toBeNull();
    for (let n = 1; n < UNREACHABLE_AFTER_ORDERS; n += 1) expect(watch(notCompared(`#${n}`, network()))).toBeNull();
    expect(watch(notCompared('#last', network()))).toMatchObject({ code: 'erpnext.network', reason: expect.stringMatching(/^5 orders in a row could not be read after retries \(last: #last: why\)/) });
  });
});
