import type http from 'node:http';
import { AdminGraphqlApi, type AdminGraphqlOptions, type AdminGraphqlStats, type AdminResponse } from './graphql/admin-graphql-api';
import { SHOPIFY_SUPPORTED_API_VERSIONS } from './graphql/api-versions';
import type { ThrottleStatusJson } from './graphql/leaky-bucket';
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
  /** GraphQL Admin API: plan (bucket), max query cost, bulk duration. */
  graphql?: AdminGraphqlOptions;
  /** Versions served as themselves; older ones fall forward. Default 2025-10 … 2026-10. */
  supportedApiVersions?: readonly string[];
}

/** The GraphQL Admin API of the simulator, for tests and benchmarks. */
export interface ShopifySimulatorGraphql {
  /** One request in-process, exactly as the HTTP endpoint would run it. */
  execute(body: { query: string; variables?: Record<string, unknown>; operationName?: string }, options?: { apiVersion?: string }): Promise<AdminResponse>;
  stats(): AdminGraphqlStats;
  throttleStatus(): ThrottleStatusJson;
  /** Empty the cost bucket (to show throttling without spending 2000 points first). */
  drainBucket(): void;
  /**
   * Awaited by inventorySetQuantities and fulfillmentCreate after claiming the idempotency key and
   * before changing anything: hold it open to overlap two requests. `null` removes it.
   */
  setWriteGate(gate: ((field: string) => Promise<void>) | null): void;
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
  graphql: ShopifySimulatorGraphql;
  /** Serve `/_sim/*` and `/admin/api/<version>/graphql.json`. Port 0 (default) picks a free one. */
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
  // Built on first use: loading the schema takes ~0.25 s that webhook-only users need not pay.
  let adminApi: AdminGraphqlApi | null = null;
  const api = (): AdminGraphqlApi => (adminApi ??= new AdminGraphqlApi(shop, dispatcher, { seed: options.seed ?? 1, ...options.graphql }));
  const newest = [...(options.supportedApiVersions ?? SHOPIFY_SUPPORTED_API_VERSIONS)].sort().pop() ?? '2026-10';

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
    graphql: {
      execute: (body, opts = {}) => api().execute(body, { apiVersion: opts.apiVersion ?? newest, baseUrl: 'http://127.0.0.1' }),
      stats: () => api().stats(),
      throttleStatus: () => api().bucket.status(),
      drainBucket: () => api().bucket.drain(),
      setWriteGate: (gate) => {
        api().state.writeGate = gate;
      },
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the Shopify simulator is already listening');
      server = createSimServer(driver, dispatcher, {
        ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
        adminApi: api(),
        ...(options.supportedApiVersions ? { supportedApiVersions: options.supportedApiVersions } : {}),
      });
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
