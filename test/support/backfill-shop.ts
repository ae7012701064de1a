import { createShopifyClient, type ShopifyClient } from '@shopsync/shopify-client';
import { createShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from '@shopsync/simulators';
import { fakeTime, type FakeTime } from './shopify-graphql-time';
import { startWebhookReceiver, type WebhookReceiver } from './shopify-webhook-receiver';

export const SIM_TOKEN = 'shpat_backfill_sim_token';
const SECRET = 'backfill-sim-webhook-secret';
const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'refunds/create', 'order_transactions/create'];

/**
 * The Shopify simulator serving its GraphQL Admin API over HTTP, with a receiver subscribed to the
 * order topics so every webhook body the simulator sends can be read back, and a client on a fake
 * clock (a throttle wait moves time instead of sleeping). Winter in New York by default: the
 * simulator prints REST times at a fixed -05:00 while its shop says America/New_York.
 */
export interface BackfillShop {
  readonly sim: ShopifySimulator;
  readonly url: string;
  readonly client: ShopifyClient;
  readonly time: FakeTime;
  /** Every webhook body the simulator delivered for a topic, oldest first (after drain()). */
  bodies(topic: string): Array<Record<string, unknown>>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startBackfillShop(options: ShopifySimulatorOptions = {}, start = Date.parse('2026-11-27T15:15:00Z')): Promise<BackfillShop> {
  const time = fakeTime(start);
  const sim = createShopifySimulator({ seed: 31, accessToken: SIM_TOKEN, webhookSecret: SECRET, now: time.now, timeScale: 1e6, ...options });
  const receiver: WebhookReceiver = await startWebhookReceiver(SECRET);
  for (const topic of TOPICS) sim.webhooks.subscribe({ topic, address: receiver.url });
  const { url } = await sim.listen();
  const client = createShopifyClient({ shop: url, accessToken: SIM_TOKEN, sleep: time.sleep, clock: time.clock });
  return {
    sim,
    url,
    client,
    time,
    bodies: (topic) => sim.webhooks.deliveries().filter((d) => d.topic === topic).map((d) => JSON.parse(d.body.toString('utf8')) as Record<string, unknown>),
    drain: () => sim.webhooks.drain(),
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}
