/** Bucket size and restore rate per plan (notes §2; sizes above Standard are extrapolated). */
export const SHOPIFY_PLANS = {
  standard: { bucketSize: 2000, restoreRate: 100 },
  advanced: { bucketSize: 4000, restoreRate: 200 },
  plus: { bucketSize: 20_000, restoreRate: 1000 },
  enterprise: { bucketSize: 40_000, restoreRate: 2000 },
} as const;
export type ShopifyPlan = keyof typeof SHOPIFY_PLANS;

export interface ThrottleStatusJson {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * The app × shop leaky bucket of the GraphQL Admin API: the requested cost must be available
 * before a query runs, the difference to the actual cost is refunded after it (notes §2).
 * Time comes from the shop's injected clock, so tests move it instead of sleeping.
 */
export class LeakyBucket {
  private available: number;
  private at: number;

  constructor(
    readonly size: number,
    readonly restoreRate: number,
    private readonly clockMs: () => number,
  ) {
    if (!(size > 0) || !(restoreRate > 0)) throw new Error(`bucket size and restore rate must be positive, received ${size} and ${restoreRate}`);
    this.available = size;
    this.at = clockMs();
  }

  status(): ThrottleStatusJson {
    this.restore();
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }

  /** Takes `cost` points when they are there; false means THROTTLED (nothing taken). */
  tryTake(cost: number): boolean {
    this.restore();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.restore();
    this.available = Math.min(this.size, this.available + Math.max(0, points));
  }

  /** Empties the bucket (tests, and demos of throttling). */
  drain(): void {
    this.restore();
    this.available = 0;
  }

  private restore(): void {
    const now = this.clockMs();
    if (now > this.at) this.available = Math.min(this.size, this.available + ((now - this.at) / 1000) * this.restoreRate);
    this.at = Math.max(this.at, now);
  }
}
