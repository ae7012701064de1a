import { parseOrder, planEvent } from '@shopsync/core';
import { DEMO_MAPPING } from '@shopsync/demo';
import { composeApp, latestOrderFromShopify, parseConfig, settingsFrom, type Config } from '@shopsync/runner';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';

// Requeue's read of Shopify's latest order (the LatestOrderPort serve hands the worker): the order
// read over the Admin API, parsed by the core's GraphQL adapter, handed over as the webhook body that
// replaces the event's payload — planned as the order's own latest webhook is — or why it cannot be.

const SHOP = 'shopsync-demo.myshopify.com';

describe('latestOrderFromShopify', () => {
  let shop: BackfillShop;
  let config: Config;
  beforeAll(async () => {
    shop = await startBackfillShop();
    const parsed = parseConfig({ shops: [{ domain: SHOP, webhookSecrets: ['s'], accessToken: SIM_TOKEN, apiBaseUrl: shop.url }], erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' }, store: { path: 'x' }, mapping: DEMO_MAPPING });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    config = parsed.config;
  });
  afterAll(async () => {
    await shop.close();
  });

  const latestWebhook = (gid: string) =>
    ['orders/create', 'orders/updated']
      .flatMap((topic) => shop.bodies(topic))
      .filter((body) => body.admin_graphql_api_id === gid)
      .sort((a, b) => String(a.updated_at).localeCompare(String(b.updated_at)))
      .at(-1);
  // The app's one client per shop, as serve hands it over.
  const latestOrderOf = (cfg: Config) => {
    const app = composeApp(cfg);
    return latestOrderFromShopify(cfg, (domain) => app.shopify(domain));
  };
  const plan = (payload: unknown) => planEvent({ shop: SHOP, topic: 'orders/updated', payload: JSON.parse(JSON.stringify(payload)) as unknown }, settingsFrom(config));

  test('an edited, partly refunded order: the payload is the order its webhook carries, and plans the same', async () => {
    const created = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002' }], discount: { code: 'TEN', percentage: 10 }, financialStatus: 'pending' });
    shop.time.advance(60_000);
    shop.sim.driver.editOrder(created.id, { removals: [{ lineItemId: created.line_items[0]!.id, quantity: 1 }] });
    shop.time.advance(60_000);
    shop.sim.driver.payOrder(created.id);
    shop.time.advance(60_000);
    shop.sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1002' }], shipping: true });
    await shop.drain();
    const latest = await latestOrderOf(config)(SHOP, String(created.id));
    if (!('payload' in latest)) throw new Error(latest.unavailable);
    const webhook = latestWebhook(created.admin_graphql_api_id);
    expect(parseOrder(latest.payload)).toEqual(parseOrder(webhook));
    expect(plan(latest.payload).outcome).toBe('applied');
    expect(plan(latest.payload)).toEqual(plan(webhook));
  });

  test('an order gone, one the read cannot stand for, and a shop without a token are each named', async () => {
    const refunded = shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1008', quantity: 5 }] });
    for (let i = 0; i < 5; i += 1) {
      shop.time.advance(60_000);
      shop.sim.driver.refundOrder(refunded.id, { lines: [{ sku: 'SKU-1008', quantity: 1 }] });
    }
    const latestOrder = latestOrderOf(config);
    expect(await latestOrder(SHOP, String(refunded.id))).toEqual({ unavailable: expect.stringMatching(/5 or more refunds/) });
    expect(await latestOrder(SHOP, '999999999')).toEqual({ unavailable: 'order 999999999 no longer exists in Shopify' });
    expect(await latestOrder('other.myshopify.com', '1')).toEqual({ unavailable: 'no Shopify access token is configured for other.myshopify.com' });
  });
});
