import { writeFileSync } from 'node:fs';
import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';

export const WEBHOOK_SECRET = 'bench-webhook-secret';

/** One webhook as Shopify sends it, less its signature (the load client signs each request). */
export interface Webhook {
  readonly topic: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly triggeredAt: string;
  readonly apiVersion: string;
  readonly body: string;
}

/**
 * The Shopify simulator, its deliveries kept instead of sent: every subscription's address is never
 * posted to (dropRate 1), and the deliveries log keeps what Shopify would have posted — topic, ids,
 * triggered-at, API version and the exact body. The benchmark replays them from its load client.
 */
export function capturingShopify(seed: number, topics: readonly string[]): { readonly sim: ShopifySimulator; taken(): Webhook[] } {
  const sim = createShopifySimulator({ seed, webhookSecret: WEBHOOK_SECRET, faults: { dropRate: 1 } });
  for (const topic of topics) sim.webhooks.subscribe({ topic, address: 'https://bench.invalid/webhooks' });
  let seen = 0;
  return {
    sim,
    taken() {
      const all = sim.webhooks.deliveries();
      const fresh = all.slice(seen).map((d) => ({ topic: d.topic, webhookId: d.webhookId, eventId: d.eventId, triggeredAt: d.triggeredAt, apiVersion: d.apiVersion, body: d.body.toString('utf8') }));
      seen = all.length;
      return fresh;
    },
  };
}

/** The webhooks of a new paid order, as they reach shopsync: orders/create and the sale's order_transactions/create. */
export const PAID_ORDER_TOPICS = ['orders/create', 'order_transactions/create'] as const;

/** `count` paid orders of new customers, each as its PAID_ORDER_TOPICS webhooks in the order Shopify triggers them. */
export function paidOrderWebhooks(count: number, seed: number): { readonly shop: string; readonly webhooks: Webhook[] } {
  const { sim, taken } = capturingShopify(seed, PAID_ORDER_TOPICS);
  const webhooks: Webhook[] = [];
  for (let i = 0; i < count; i += 1) {
    sim.driver.createOrder({ customer: 'new', financialStatus: 'paid' });
    webhooks.push(...taken());
  }
  void sim.close();
  return { shop: sim.shop.domain, webhooks };
}

/** An order id no simulator order has, replaced per request by the load client (ids fit in 2^53). */
const ID_MARK = 987_654_321_012_345;

/**
 * orders/create bodies as the Shopify simulator sends them (sim.driver.createOrder: ~8.5 KB), cut
 * at every occurrence of the order's id so the load client can give each request a new order id.
 */
export function orderTemplates(count: number, seed: number): { readonly shop: string; readonly templates: string[][]; readonly meanBytes: number } {
  const sim = createShopifySimulator({ seed, webhookSecret: WEBHOOK_SECRET });
  const templates: string[][] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const order = sim.driver.createOrder({ customer: 'new' });
    // The order's name follows its id, so no two requests carry the same order either way.
    const body = JSON.stringify({ ...order, name: `#${order.id}` }).split(String(order.id)).join(String(ID_MARK));
    bytes += body.length;
    templates.push(body.split(String(ID_MARK)));
  }
  void sim.close();
  return { shop: sim.shop.domain, templates, meanBytes: Math.round(bytes / count) };
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value));
  return path;
}
