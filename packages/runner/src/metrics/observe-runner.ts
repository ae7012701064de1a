import type { Store } from '../store/store';
import type { WorkerPool } from '../worker/worker-pool';
import type { RunnerMetrics } from './runner-metrics';

/**
 * Feeds the processing metrics from the WorkerPool's typed events: the time from `event:claimed` to
 * `event:settled`, by result. `clock` is monotonic seconds, injected (STYLE C3).
 */
export function observeWorkerPool(pool: WorkerPool, metrics: RunnerMetrics, clock: () => number): () => void {
  const claimedAt = new WeakMap<object, number>();
  const onClaimed = (event: object) => claimedAt.set(event, clock());
  const onSettled = (event: object, result: string) => metrics.settled(result, clock() - (claimedAt.get(event) ?? clock()));
  pool.on('event:claimed', onClaimed);
  pool.on('event:settled', onSettled);
  return () => {
    pool.off('event:claimed', onClaimed);
    pool.off('event:settled', onSettled);
  };
}

/**
 * The worker's store, seen through a window that counts parked failures by category: `event:settled`
 * says only "failed", and the category is known where the worker parks the event. Only a park the
 * store accepted (the claim was still ours) is counted.
 */
export function countParks(store: Store, metrics: RunnerMetrics): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'park') return Reflect.get(target, property, receiver) as unknown;
      const park: Store['park'] = async (claim, failure, now) => {
        const kept = await target.park(claim, failure, now);
        if (kept) metrics.parked(failure.category);
        return kept;
      };
      return park;
    },
  });
}
