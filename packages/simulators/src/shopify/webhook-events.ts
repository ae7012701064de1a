import { EventEmitter } from 'node:events';

// Typed lifecycle events of webhook delivery, so tests await what happened instead of sleeping
// (STYLE C13, after graphile-worker's WorkerEventMap).

export interface ShopifyDeliveryAttempt {
  webhookId: string;
  eventId: string;
  topic: string;
  subscriptionId: number;
  address: string;
  /** 1-based attempt number of this delivery; a duplicate copy repeats the attempt it copies. */
  attempt: number;
  /** True for an extra copy injected by the `duplicateRate` fault. */
  duplicate: boolean;
}

export interface ShopifyWebhookEventMap {
  'delivery:sent': ShopifyDeliveryAttempt & { status: number };
  'delivery:failed': ShopifyDeliveryAttempt & {
    status: number | null;
    error: string | null;
    willRetry: boolean;
    /** Real milliseconds until the retry (compressed clock), null when none follows. */
    retryInMs: number | null;
  };
  'delivery:gave-up': ShopifyDeliveryAttempt & { attempts: number };
  'delivery:dropped': Omit<ShopifyDeliveryAttempt, 'attempt' | 'duplicate'>;
}
export type ShopifyWebhookEventName = keyof ShopifyWebhookEventMap;

export class ShopifyWebhookEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Tests attach one listener per awaited event; many concurrent waits are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  /** Returns a function that removes the listener. */
  on<K extends ShopifyWebhookEventName>(name: K, listener: (event: ShopifyWebhookEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Resolves with the next `name` event that satisfies `matches` (default: any). */
  once<K extends ShopifyWebhookEventName>(name: K, matches: (event: ShopifyWebhookEventMap[K]) => boolean = () => true): Promise<ShopifyWebhookEventMap[K]> {
    return new Promise((resolve) => {
      const off = this.on(name, (event) => {
        if (!matches(event)) return;
        off();
        resolve(event);
      });
    });
  }

  emit<K extends ShopifyWebhookEventName>(name: K, event: ShopifyWebhookEventMap[K]): void {
    this.emitter.emit(name, event);
  }
}
