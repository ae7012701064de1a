import type { ThrottleStatus } from './wire-types';

interface Observed {
  readonly max: number;
  readonly available: number;
  readonly restoreRate: number;
  readonly atMs: number;
}

/**
 * The client's copy of Shopify's leaky bucket for this app and shop (notes §2). It knows nothing
 * until the first response: its size and restore rate come from `extensions.cost.throttleStatus`,
 * never from constants, so a Plus shop (bigger bucket, faster restore) is used at its real speed.
 * Requests take their expected cost out before they are sent and wait, in arrival order, until the
 * bucket holds enough, instead of being sent to be throttled.
 */
export class CostBucket {
  private observed: Observed | null = null;
  private reserved = 0;
  private turn: Promise<void> = Promise.resolve();
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: () => number) {}

  /**
   * Takes Shopify's numbers. Responses can arrive out of order, so an answer that shows more points
   * than the previous one (restored to now) is only believed up to that: the lower view wins, and
   * waiting a little too long is the price of never being throttled.
   */
  observe(status: ThrottleStatus): void {
    const previous = this.observed;
    const restored = previous && previous.max === status.maximumAvailable ? this.restored(previous) : Number.POSITIVE_INFINITY;
    this.observed = { max: status.maximumAvailable, available: Math.min(status.currentlyAvailable, restored), restoreRate: status.restoreRate, atMs: this.clock() };
    this.changed();
  }

  /**
   * Shopify throttled a request but said nothing of its bucket (the bare "Throttled" body): the
   * local view was too optimistic, so it starts again from empty. Every request waiting here then
   * waits for the restore too, as after a THROTTLED with numbers, instead of being throttled in turn.
   */
  assumeEmpty(): void {
    const o = this.observed;
    if (o) this.observe({ maximumAvailable: o.max, currentlyAvailable: 0, restoreRate: o.restoreRate });
  }

  /** The bucket's size and restore rate as last reported by Shopify; undefined before the first response. */
  limits(): { maximumAvailable: number; restoreRate: number } | undefined {
    return this.observed ? { maximumAvailable: this.observed.max, restoreRate: this.observed.restoreRate } : undefined;
  }

  /** Points available now, after what in-flight requests have taken; undefined before the first response. */
  available(): number | undefined {
    return this.observed ? this.restored(this.observed) - this.reserved : undefined;
  }

  private restored(o: Observed): number {
    return Math.min(o.max, o.available + ((this.clock() - o.atMs) / 1000) * o.restoreRate);
  }

  /** Milliseconds until `cost` points are there (a cost above the bucket size waits for a full bucket). */
  delayFor(cost: number): number {
    const o = this.observed;
    const available = this.available();
    if (!o || available === undefined || o.restoreRate <= 0) return 0;
    const needed = Math.min(cost, o.max);
    return needed <= available ? 0 : Math.ceil(((needed - available) / o.restoreRate) * 1000);
  }

  /**
   * Waits until `cost` points are there, then takes them. Callers are served in order. Points held
   * by requests in flight come back only with their responses (Shopify refunds the unused part),
   * so when they block the way the wait is for a response, not for the clock; otherwise it sleeps
   * the time the restore rate implies. The returned function gives the points back once the
   * response has been observed.
   */
  acquire(cost: number, sleep: (ms: number) => Promise<void>, onWait: (delayMs: number) => void): Promise<() => void> {
    const mine = this.turn.then(async () => {
      let slept = false;
      for (;;) {
        const o = this.observed;
        // Before Shopify has said how big the bucket is, one request goes alone to find out.
        if (!o) {
          if (this.reserved === 0) break;
          await this.nextChange();
          continue;
        }
        const needed = Math.min(cost, o.max);
        if (needed <= (this.available() ?? 0)) break;
        if (this.reserved > 0 && needed + this.reserved > o.max) {
          await this.nextChange();
          continue;
        }
        // A sleep that does not move the clock (a test double) must not spin: one wait, then go.
        if (slept) break;
        const delayMs = this.delayFor(cost);
        onWait(delayMs);
        await sleep(delayMs);
        slept = true;
      }
      this.reserved += cost;
    });
    this.turn = mine.catch(() => undefined);
    return mine.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.reserved -= cost;
        this.changed();
      };
    });
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private changed(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
