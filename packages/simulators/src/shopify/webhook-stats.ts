/** Counters of what the simulated Shopify did; `deliveries` counts every POST attempt. */
export interface ShopifyWebhookStats {
  deliveries: number;
  /** Distinct X-Shopify-Webhook-Id values POSTed at least once. */
  uniqueDeliveries: number;
  /** POSTs of extra copies injected by `duplicateRate`. */
  duplicateDeliveries: number;
  /** POSTs that repeated a failed attempt. */
  retries: number;
  /** Attempts that ended in a non-2xx status, a network error or a timeout. */
  failures: number;
  /** Deliveries Shopify never sent (`dropRate`). */
  dropped: number;
  /** Deliveries abandoned after 1 + 8 failed attempts. */
  gaveUp: number;
  /** Attempts by HTTP status ("200", "500") or error reason ("timeout", "network", …). */
  byStatus: Record<string, number>;
}

export class WebhookStatsCounter {
  private readonly counts = { deliveries: 0, duplicateDeliveries: 0, retries: 0, failures: 0, dropped: 0, gaveUp: 0 };
  private readonly posted = new Set<string>();
  private readonly byStatus: Record<string, number> = {};

  attempt(webhookId: string, kind: { duplicate: boolean; retry: boolean }, outcome: string, ok: boolean): void {
    this.counts.deliveries += 1;
    this.posted.add(webhookId);
    if (kind.duplicate) this.counts.duplicateDeliveries += 1;
    if (kind.retry) this.counts.retries += 1;
    if (!ok) this.counts.failures += 1;
    this.byStatus[outcome] = (this.byStatus[outcome] ?? 0) + 1;
  }

  dropped(): void {
    this.counts.dropped += 1;
  }

  gaveUp(): void {
    this.counts.gaveUp += 1;
  }

  snapshot(): ShopifyWebhookStats {
    return { ...this.counts, uniqueDeliveries: this.posted.size, byStatus: { ...this.byStatus } };
  }
}
