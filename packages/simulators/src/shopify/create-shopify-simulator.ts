import type http from 'node:http';
import { ShopifyShop, type ShopifyShopOptions } from './shop-model';
import { createShopifyDriver, type ShopifyDriver } from './shopify-driver';
import { createSimServer, listenOn } from './sim-server';
import type { ShopifyDeliveryOutcome, ShopifyWebhookDelivery } from './webhook-delivery';
import { ShopifyWebhookDispatcher } from './webhook-dispatcher';
import type { ShopifyWebhookEvents } from './webhook-events';
import type { ShopifyWebhookFaults } from './webhook-faults';
import type { ShopifyWebhookStats } from './webhook-stats';
import type { ShopifyWebhookSubscription, SubscribeInput } from './webhook-subscriptions';
import type { WebhookTimer } from './delivery-timing';

export interface ShopifySimulatorOptions extends ShopifyShopOptions {
  /** Key of X-Shopify-Hmac-Sha256 (the app's client secret). Default "shopsync-sim-webhook-secret". */
  webhookSecret?: string;
  /** X-Shopify-API-Version of deliveries. Default "2026-10". */
  apiVersion?: string;
  /** Token required in X-Shopify-Access-Token by the HTTP routes; unset leaves them open. */
  accessToken?: string;
  /** Shopify seconds per real second for retry backoff. Default 1000. */
  timeScale?: number;
  timer?: WebhookTimer;
  /** Per-attempt total timeout, default 5000 ms; connection timeout default 1000 ms. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  faults?: ShopifyWebhookFaults;
}

export interface ShopifySimulatorWebhooks {
  subscribe(input: SubscribeInput): ShopifyWebhookSubscription;
  unsubscribe(id: number): boolean;
  subscriptions(): ShopifyWebhookSubscription[];
  /** Send an arbitrary payload on `topic`, as Shopify would for a merchant action. */
  trigger(topic: string, payload: unknown, eventId?: string): Promise<ShopifyDeliveryOutcome[]>;
  drain(): Promise<void>;
  stats(): ShopifyWebhookStats;
  deliveries(): readonly ShopifyWebhookDelivery[];
  configure(faults: ShopifyWebhookFaults): void;
  on: ShopifyWebhookEvents['on'];
  once: ShopifyWebhookEvents['once'];
}

export interface ShopifySimulator {
  shop: ShopifyShop;
  driver: ShopifyDriver;
  webhooks: ShopifySimulatorWebhooks;
  /** Serve `/_sim/*` (and, later, the Admin API). Port 0 (default) picks a free one. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stop delivering (pending deliveries are abandoned) and close the server if listening. */
  close(): Promise<void>;
}

export function createShopifySimulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  const shop = new ShopifyShop(options);
  const dispatcher = new ShopifyWebhookDispatcher({
    shopDomain: shop.domain,
    webhookSecret: options.webhookSecret ?? 'shopsync-sim-webhook-secret',
    apiVersion: options.apiVersion ?? '2026-10',
    now: shop.now,
    seed: options.seed ?? 1,
    ...(options.timer ? { timer: options.timer } : {}),
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const driver = createShopifyDriver(shop, dispatcher);
  const { events, subscriptions } = dispatcher;
  let server: http.Server | null = null;

  return {
    shop,
    driver,
    webhooks: {
      subscribe: (input) => subscriptions.subscribe(input),
      unsubscribe: (id) => subscriptions.unsubscribe(id),
      subscriptions: () => subscriptions.list(),
      trigger: (topic, payload, eventId) => dispatcher.trigger(topic, payload, eventId),
      drain: () => dispatcher.drain(),
      stats: () => dispatcher.stats(),
      deliveries: () => dispatcher.deliveries(),
      configure: (faults) => dispatcher.configure(faults),
      on: (name, listener) => events.on(name, listener),
      once: (name, matches) => events.once(name, matches),
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the Shopify simulator is already listening');
      server = createSimServer(driver, dispatcher, options.accessToken === undefined ? {} : { accessToken: options.accessToken });
      return listenOn(server, port, host);
    },
    async close() {
      dispatcher.close();
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve, reject) => s.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
