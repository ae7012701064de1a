import type { AcceptedDelivery, InboxPort, NewDelivery } from '../store/store';

/** Where the ingress puts a verified delivery; resolves once it is committed. */
export interface DeliveryInbox {
  accept(delivery: NewDelivery): Promise<AcceptedDelivery>;
}

export interface GroupCommitOptions {
  readonly store: InboxPort;
  readonly now: () => Date;
  /** At most this many deliveries per transaction. */
  readonly maxBatch: number;
  /** Told the size of each committed batch (metrics). */
  readonly onBatch?: (size: number) => void;
  /** Told how many deliveries wait for the next commit, after each arrival. */
  readonly onQueued?: (waiting: number) => void;
  /**
   * How many batches may be committing at once (default 1). A store that queues and merges calls
   * itself — the SQLite store on its own thread puts every call that arrives during a commit into the
   * next one — keeps its thread busy when the next batch is sent before the last is answered; each
   * request is still answered only after its own batch committed.
   */
  readonly maxInFlight?: number;
}

interface Waiting {
  readonly delivery: NewDelivery;
  resolve(accepted: AcceptedDelivery): void;
  reject(error: unknown): void;
}

/**
 * Group commit: deliveries that arrive together are committed in one transaction, so one fsync
 * acknowledges them all, and each request is answered only after its batch committed (G2).
 *
 * The flush runs from setImmediate: Node first reads every request that is ready on its sockets, then
 * commits them as one batch. With the synchronous SQLite store the commit blocks the loop, and the
 * requests that arrive meanwhile make up the next batch; with an async store (PostgreSQL) they queue
 * while the commit is in flight. Either way the batch grows with the load and is 1 when idle, so a
 * lone webhook waits for no timer.
 */
export function createGroupCommit(options: GroupCommitOptions): DeliveryInbox {
  const queue: Waiting[] = [];
  const maxInFlight = options.maxInFlight ?? 1;
  let scheduled = false;
  let inFlight = 0;

  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  async function flush(): Promise<void> {
    scheduled = false;
    inFlight += 1;
    const batch = queue.splice(0, options.maxBatch);
    // Another batch may start while this one commits (maxInFlight > 1).
    schedule();
    try {
      await commit(batch);
    } finally {
      inFlight -= 1;
      schedule();
    }
  }

  async function commit(batch: readonly Waiting[]): Promise<void> {
    try {
      const accepted = await options.store.acceptDeliveries(
        batch.map((waiting) => waiting.delivery),
        options.now(),
      );
      options.onBatch?.(batch.length);
      batch.forEach((waiting, index) => waiting.resolve(accepted[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad delivery must not fail its neighbours: commit them one by one, each answered alone.
      for (const waiting of batch) await commit([waiting]);
    }
  }

  return {
    accept(delivery) {
      return new Promise<AcceptedDelivery>((resolve, reject) => {
        queue.push({ delivery, resolve, reject });
        options.onQueued?.(queue.length);
        schedule();
      });
    },
  };
}
