import http from 'node:http';
import https from 'node:https';
import { postWebhook } from './post-webhook';
import { derivePrng, type Prng } from './prng';
import { compressedRetryDelayMs, SHOPIFY_WEBHOOK_RETRY_POLICY, systemWebhookTimer, type WebhookTimer } from './delivery-timing';
import { deliveryHeaders, newDelivery, signShopifyWebhook, type ShopifyDeliveryOutcome, type ShopifyWebhookDelivery } from './webhook-delivery';
import { ShopifyWebhookEvents } from './webhook-events';
import { resolveWebhookFaults, type ResolvedWebhookFaults, type ShopifyWebhookFaults } from './webhook-faults';
import { WebhookStatsCounter, type ShopifyWebhookStats } from './webhook-stats';
import { WebhookSubscriptions } from './webhook-subscriptions';

export interface ShopifyWebhookDispatcherOptions {
  shopDomain: string;
  webhookSecret: string;
  /** Default X-Shopify-API-Version of new subscriptions. */
  apiVersion: string;
  now: () => Date;
  seed: number;
  timer?: WebhookTimer;
  /** Shopify seconds per real second for retry backoff. Default 1000: the 4-hour window takes 14.4 s. */
  timeScale?: number;
  /** Default 5000 (Shopify's total timeout). */
  timeoutMs?: number;
  /** Default 1000 (Shopify's connection timeout). */
  connectTimeoutMs?: number;
  faults?: ShopifyWebhookFaults;
}

interface Job {
  delivery: ShopifyWebhookDelivery;
  duplicate: boolean;
  attempt: number;
}

/** At-least-once delivery of signed webhooks with Shopify's retry policy and injectable faults. */
export class ShopifyWebhookDispatcher {
  readonly subscriptions: WebhookSubscriptions;
  readonly events = new ShopifyWebhookEvents();
  private faults: ResolvedWebhookFaults;
  private readonly idPrng: Prng;
  private readonly faultPrng: Prng;
  private readonly orderPrng: Prng;
  private readonly timer: WebhookTimer;
  private readonly counter = new WebhookStatsCounter();
  private readonly log: ShopifyWebhookDelivery[] = [];
  private readonly settle = new Map<string, (outcome: ShopifyDeliveryOutcome) => void>();
  private readonly ready: Job[] = [];
  private readonly timers = new Set<unknown>();
  private readonly agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };
  private inFlight = 0;
  private pumpScheduled = false;
  private drainWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: ShopifyWebhookDispatcherOptions) {
    this.faults = resolveWebhookFaults(options.faults ?? {});
    this.idPrng = derivePrng(options.seed, 'webhook-ids');
    this.faultPrng = derivePrng(options.seed, 'webhook-faults');
    this.orderPrng = derivePrng(options.seed, 'webhook-order');
    this.subscriptions = new WebhookSubscriptions(derivePrng(options.seed, 'subscriptions'), options.apiVersion);
    this.timer = options.timer ?? systemWebhookTimer;
  }

  /** X-Shopify-Event-Id for one merchant action; pass it to every trigger() that action causes. */
  newEventId(): string {
    return this.idPrng.uuid();
  }

  /** Deliver `payload` to every subscription of `topic`; resolves when each delivery has settled. */
  trigger(topic: string, payload: unknown, eventId: string = this.newEventId()): Promise<ShopifyDeliveryOutcome[]> {
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const event = { eventId, topic, body, triggeredAt: this.options.now().toISOString(), hmac: signShopifyWebhook(body, this.options.webhookSecret) };
    const outcomes = this.subscriptions.forTopic(topic).map((subscription) => {
      const delivery = newDelivery(subscription, event, this.idPrng.uuid());
      this.log.push(delivery);
      const settled = new Promise<ShopifyDeliveryOutcome>((resolve) => this.settle.set(delivery.webhookId, resolve));
      if (this.faultPrng.chance(this.faults.dropRate)) {
        this.counter.dropped();
        this.finish(delivery, 'dropped');
        const { webhookId, subscriptionId, address } = delivery;
        // Emitted after the caller's synchronous code, so `once('delivery:dropped')` set up right after the action sees it.
        queueMicrotask(() => this.events.emit('delivery:dropped', { webhookId, eventId, topic, subscriptionId, address }));
        return settled;
      }
      this.enqueue({ delivery, duplicate: false, attempt: 1 }, 0);
      if (this.faultPrng.chance(this.faults.duplicateRate)) this.enqueue({ delivery, duplicate: true, attempt: 1 }, 0);
      return settled;
    });
    return Promise.all(outcomes);
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  drain(): Promise<void> {
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
      this.checkDrained();
    });
  }

  stats(): ShopifyWebhookStats {
    return this.counter.snapshot();
  }

  /** Every delivery ever created, including dropped ones, in trigger order. */
  deliveries(): readonly ShopifyWebhookDelivery[] {
    return this.log;
  }

  /** Change fault options at runtime; unspecified ones keep their value. */
  configure(faults: ShopifyWebhookFaults): void {
    this.faults = resolveWebhookFaults(faults, this.faults);
    this.schedulePump();
  }

  /** Stop: pending deliveries settle as "abandoned", timers are cleared, sockets closed. */
  close(): void {
    this.closed = true;
    this.timers.forEach((t) => this.timer.clearTimeout(t));
    this.timers.clear();
    this.ready.length = 0;
    this.log.filter((d) => d.status === 'pending').forEach((d) => this.finish(d, 'abandoned'));
    this.agents.http.destroy();
    this.agents.https.destroy();
    this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }

  private enqueue(job: Job, afterMs: number): void {
    if (this.closed) return;
    const wait = afterMs + this.faults.delayMs;
    if (wait <= 0) {
      this.ready.push(job);
      this.schedulePump();
      return;
    }
    const handle = this.timer.setTimeout(() => {
      this.timers.delete(handle);
      this.ready.push(job);
      this.schedulePump();
    }, wait);
    this.timers.add(handle);
  }

  // Sending starts after the current synchronous code, so a burst of actions queues up together
  // and the `reorder` fault has something to shuffle.
  private schedulePump(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.faults.concurrency && this.ready.length > 0) {
      const window = Math.min(this.faults.reorderWindow, this.ready.length);
      const index = window > 1 ? this.orderPrng.int(0, window - 1) : 0;
      const [job] = this.ready.splice(index, 1);
      if (job) void this.send(job);
    }
    this.checkDrained();
  }

  private async send(job: Job): Promise<void> {
    const d = job.delivery;
    this.inFlight += 1;
    if (!job.duplicate) d.attempts = job.attempt;
    const limits = { timeoutMs: this.options.timeoutMs ?? 5000, connectTimeoutMs: this.options.connectTimeoutMs ?? 1000 };
    const outcome = await postWebhook(d.address, deliveryHeaders(d, this.options.shopDomain), d.body, limits, this.timer, this.agents);
    this.inFlight -= 1;
    if (this.closed) return;
    const status = outcome.kind === 'response' ? outcome.status : null;
    const ok = status !== null && status >= 200 && status < 300;
    const label = outcome.kind === 'response' ? String(outcome.status) : outcome.reason;
    this.counter.attempt(d.webhookId, { duplicate: job.duplicate, retry: !job.duplicate && job.attempt > 1 }, label, ok);
    if (!job.duplicate) d.lastStatus = status;
    const attempt = { webhookId: d.webhookId, eventId: d.eventId, topic: d.topic, subscriptionId: d.subscriptionId, address: d.address, attempt: job.attempt, duplicate: job.duplicate };
    if (ok) {
      this.events.emit('delivery:sent', { ...attempt, status });
      if (!job.duplicate) this.finish(d, 'delivered');
    } else {
      // A duplicate copy is an extra POST; retrying belongs to the original delivery only.
      const willRetry = !job.duplicate && job.attempt <= SHOPIFY_WEBHOOK_RETRY_POLICY.maxRetries;
      const retryInMs = willRetry ? compressedRetryDelayMs(job.attempt, this.options.timeScale ?? 1000) : null;
      const error = outcome.kind === 'error' ? outcome.message : null;
      this.events.emit('delivery:failed', { ...attempt, status, error, willRetry, retryInMs });
      if (willRetry && retryInMs !== null) this.enqueue({ ...job, attempt: job.attempt + 1 }, retryInMs);
      else if (!job.duplicate) {
        this.counter.gaveUp();
        this.events.emit('delivery:gave-up', { ...attempt, attempts: job.attempt });
        this.finish(d, 'gave-up');
      }
    }
    this.schedulePump();
  }

  private finish(d: ShopifyWebhookDelivery, status: ShopifyDeliveryOutcome['status']): void {
    d.status = status;
    const resolve = this.settle.get(d.webhookId);
    this.settle.delete(d.webhookId);
    resolve?.({ webhookId: d.webhookId, eventId: d.eventId, topic: d.topic, subscriptionId: d.subscriptionId, attempts: d.attempts, lastStatus: d.lastStatus, status });
  }

  private checkDrained(): void {
    const idle = this.ready.length === 0 && this.inFlight === 0 && this.timers.size === 0 && !this.pumpScheduled;
    if (idle) this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }
}
