import type { ShopifySimulator } from '@shopsync/simulators';

/**
 * What Shopify saw of its own deliveries: every webhook id answered 2xx (the runner acknowledged it,
 * so it must be stored), and how many first attempts went out after a webhook triggered later had
 * already gone (the reorder fault at work).
 */
export class DeliveryLog {
  readonly acknowledged = new Set<string>();
  reordered = 0;
  failedAttempts = 0;
  private readonly triggerIndex = new Map<string, number>();
  private indexed = 0;
  private latestSent = -1;
  private readonly off: Array<() => void>;

  constructor(private readonly shopify: ShopifySimulator) {
    this.off = [
      shopify.webhooks.on('delivery:sent', (event) => {
        this.acknowledged.add(event.webhookId);
        if (event.duplicate || event.attempt !== 1) return;
        const index = this.indexOf(event.webhookId);
        if (index < this.latestSent) this.reordered += 1;
        else this.latestSent = index;
      }),
      shopify.webhooks.on('delivery:failed', () => {
        this.failedAttempts += 1;
      }),
    ];
  }

  close(): void {
    for (const off of this.off) off();
  }

  /** Position of the delivery in trigger order (the simulator's log is in that order). */
  private indexOf(webhookId: string): number {
    const log = this.shopify.webhooks.deliveries();
    for (; this.indexed < log.length; this.indexed += 1) this.triggerIndex.set(log[this.indexed]!.webhookId, this.indexed);
    return this.triggerIndex.get(webhookId) ?? this.indexed;
  }
}
