import { webhookHmac } from '@shopsync/shopify-client';
import { startHarness, WEBHOOK_SECRET, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

/** Posts a body with Shopify's headers, as a forger or a replaying proxy would. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, text: await response.text() };
}

function shopifyHeaders(shop: string, webhookId: string, body: string, secret = WEBHOOK_SECRET): Record<string, string> {
  return {
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': shop,
    'x-shopify-webhook-id': webhookId,
    'x-shopify-event-id': `event-${webhookId}`,
    'x-shopify-triggered-at': '2026-11-27T10:00:00.000Z',
    'x-shopify-api-version': '2026-10',
    'x-shopify-hmac-sha256': webhookHmac(body, secret),
  };
}

describe('a signed order webhook, delivered twice, becomes exactly one Customer and one submitted Sales Order', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 1 });
    harness.shopify.webhooks.subscribe({ topic: 'orders/create', address: harness.primary.webhookUrl });
  });
  afterEach(async () => harness.stop());

  async function settle() {
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
  }

  test('every delivery arrives twice; ERPNext holds one customer and one submitted order', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await settle();
    const stats = harness.shopify.webhooks.stats();
    expect(stats.duplicateDeliveries).toBeGreaterThanOrEqual(1);
    expect(await harness.primary.store.counts()).toMatchObject({ byStatus: { applied: 1 }, duplicateDeliveries: stats.duplicateDeliveries });
    const customers = harness.erp.docs('Customer').filter((doc) => doc.shopsync_key !== undefined);
    const orders = harness.erp.docs('Sales Order');
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ shopify_customer_id: String(order.customer!.id) });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ docstatus: 1, status: 'To Deliver and Bill', customer: customers[0]!.name, shopify_order_id: String(order.id) });
  });

  test('a replayed delivery is recorded as duplicate and makes zero ERPNext requests', async () => {
    harness.shopify.driver.createOrder({ customer: 'new' });
    await settle();
    const delivery = harness.shopify.webhooks.deliveries()[0]!;
    const body = delivery.body.toString('utf8');
    const before = harness.erp.requests.count;
    const replay = await post(harness.primary.webhookUrl, body, shopifyHeaders(harness.shopify.shop.domain, delivery.webhookId, body));
    await harness.primary.runner.drained();
    expect(replay).toEqual({ status: 200, text: 'duplicate' });
    expect(harness.erp.requests.count).toBe(before);
    expect(harness.erp.docs('Sales Order')).toHaveLength(1);
  });

  test('the same order through another webhook id, on a runner with empty state, adopts the existing order', async () => {
    const order = harness.shopify.driver.createOrder({ customer: 'new' });
    await settle();
    const second = await harness.startRunner('second.sqlite');
    const body = harness.shopify.webhooks.deliveries()[0]!.body.toString('utf8');
    const reply = await post(second.webhookUrl, body, { ...shopifyHeaders(harness.shopify.shop.domain, 'another-webhook-id', body), 'x-shopify-topic': 'orders/updated' });
    await second.runner.drained();
    expect(reply.status).toBe(200);
    expect(await second.store.counts()).toMatchObject({ byStatus: { applied: 1 } });
    expect(harness.erp.docs('Sales Order').filter((doc) => doc.shopify_order_id === String(order.id))).toHaveLength(1);
    expect(harness.erp.docs('Customer').filter((doc) => doc.shopsync_key !== undefined)).toHaveLength(1);
    // Each runner sent the order once (one apply_documents each, writes batched by default); ERPNext's
    // unique key made the second adopt the first's documents.
    expect(harness.erp.requests.countWhere({ method: 'POST', path: 'shopsync.documents.apply_documents' })).toBe(2);
    const [event] = await second.store.listEvents({});
    const adopted = (await second.store.evidence(event!.id)).filter((row) => row.kind === 'operation').map((row) => (row.data as { step: string }).step);
    expect(adopted.length).toBeGreaterThanOrEqual(2);
    expect(new Set(adopted)).toEqual(new Set(['adopted']));
  });

  test('a forged webhook (bad HMAC) is refused with 401 and changes nothing', async () => {
    const forged = JSON.stringify({ id: 1, admin_graphql_api_id: 'gid://shopify/Order/1', name: '#1', line_items: [] });
    const before = harness.erp.requests.count;
    const wrongSecret = await post(harness.primary.webhookUrl, forged, shopifyHeaders(harness.shopify.shop.domain, 'forged-1', forged, 'not-the-secret'));
    const noSignature = await post(harness.primary.webhookUrl, forged, { ...shopifyHeaders(harness.shopify.shop.domain, 'forged-2', forged), 'x-shopify-hmac-sha256': '' });
    const unknownShop = await post(harness.primary.webhookUrl, forged, shopifyHeaders('intruder.myshopify.com', 'forged-3', forged));
    expect([wrongSecret.status, noSignature.status, unknownShop.status]).toEqual([401, 401, 401]);
    expect(await harness.primary.store.counts()).toMatchObject({ deliveries: 0, unfinished: 0 });
    expect(harness.erp.requests.count).toBe(before);
    expect(harness.erp.docs('Sales Order')).toHaveLength(0);
  });

  test('a webhook without X-Shopify-Shop-Domain gets a 400 naming that header, not a 401 about its signature', async () => {
    const body = '{"id":1}';
    const { 'x-shopify-shop-domain': _shop, ...headers } = shopifyHeaders(harness.shopify.shop.domain, 'no-shop', body);
    const reply = await post(harness.primary.webhookUrl, body, headers);
    expect(reply).toEqual({ status: 400, text: 'missing header: X-Shopify-Shop-Domain (the shop whose secret signs the webhook)' });
    expect((await harness.primary.store.counts()).deliveries).toBe(0);
  });

  test('a correctly signed body that is not JSON gets 400 and is not stored', async () => {
    const reply = await post(harness.primary.webhookUrl, '{not json', shopifyHeaders(harness.shopify.shop.domain, 'bad-json', '{not json'));
    expect(reply.status).toBe(400);
    expect((await harness.primary.store.counts()).deliveries).toBe(0);
  });

  test('the ingress answers 405 to GET and 413 above the body limit', async () => {
    const get = await fetch(harness.primary.webhookUrl);
    const huge = 'x'.repeat(1024 * 1024 + 1);
    const big = await post(harness.primary.webhookUrl, huge, shopifyHeaders(harness.shopify.shop.domain, 'big', huge));
    expect([get.status, big.status]).toEqual([405, 413]);
  });
});
