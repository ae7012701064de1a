import { spawn } from 'node:child_process';
import path from 'node:path';
import { createShopifySimulator, type ShopifyOrderJson, type ShopifySimulator, type ShopifyWebhookStats } from '@shopsync/simulators';
import { startWebhookReceiver, type WebhookReceiver } from './support/shopify-webhook-receiver';

// The /_sim/* routes drive the same shop as the in-process driver; /admin/api/* is reserved for the
// GraphQL Admin API and answers like Shopify does for an unknown route until then.

const TOKEN = 'shpat_test_token';
const SECRET = 'http-test-secret';

let sim: ShopifySimulator;
let receiver: WebhookReceiver;
let base: string;

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sim = createShopifySimulator({ seed: 11, accessToken: TOKEN, webhookSecret: SECRET, timeScale: 1e6 });
  base = (await sim.listen()).url;
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

async function call(method: string, route: string, body?: unknown, token: string | null = TOKEN): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers['X-Shopify-Access-Token'] = token;
  const response = await fetch(`${base}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, json: await response.json() };
}

describe('driver routes', () => {
  it('subscribe, create an order, drain and read stats over HTTP', async () => {
    const subscribed = await call('POST', '/_sim/webhooks/subscriptions', { topic: 'orders/create', address: receiver.url });
    expect(subscribed).toMatchObject({ status: 201, json: { topic: 'orders/create', address: receiver.url, api_version: '2026-10' } });
    const created = await call('POST', '/_sim/orders', { customer: null, lines: [{ sku: 'SKU-1002', quantity: 2 }] });
    expect(created.status).toBe(201);
    const order = created.json as ShopifyOrderJson;
    expect(order.line_items.map((l) => [l.sku, l.quantity])).toEqual([['SKU-1002', 2]]);
    const drained = await call('POST', '/_sim/webhooks/drain');
    expect(drained.json as ShopifyWebhookStats).toMatchObject({ deliveries: 1, uniqueDeliveries: 1 });
    expect(receiver.received[0]?.hmacValid).toBe(true);
    expect((await call('GET', '/_sim/webhooks/stats')).json).toEqual(drained.json);
    expect((await call('GET', `/_sim/orders/${order.id}`)).json).toEqual(order);
  });

  it('pays, cancels and updates orders, and creates and updates customers', async () => {
    const customer = (await call('POST', '/_sim/customers', { firstName: 'Grace', email: 'grace@example.com' })).json as { id: number };
    const updated = await call('PUT', `/_sim/customers/${customer.id}`, { note: 'VIP' });
    expect(updated.json).toMatchObject({ id: customer.id, first_name: 'Grace', note: 'VIP' });
    const order = (await call('POST', '/_sim/orders', { customer: { id: customer.id }, financialStatus: 'pending' })).json as ShopifyOrderJson;
    expect((await call('POST', `/_sim/orders/${order.id}/pay`)).json).toMatchObject({ financial_status: 'paid' });
    expect((await call('PUT', `/_sim/orders/${order.id}`, { tags: ['wholesale', 'rush'] })).json).toMatchObject({ tags: 'wholesale, rush' });
    expect((await call('POST', `/_sim/orders/${order.id}/cancel`, { reason: 'inventory' })).json).toMatchObject({ cancel_reason: 'inventory' });
  });

  it('answers invalid input with Shopify-shaped 4xx errors', async () => {
    expect(await call('POST', '/_sim/orders', { lines: [{ sku: 'SKU-9999' }] })).toEqual({
      status: 422,
      json: { errors: { 'lines.sku': ['SKU "SKU-9999" is not in the catalogue'] } },
    });
    expect((await call('POST', '/_sim/orders/1/pay')).status).toBe(422);
    expect((await call('PUT', '/_sim/webhooks/faults', { dropRate: 3 })).status).toBe(422);
    expect((await call('POST', '/_sim/webhooks/subscriptions', { topic: 'orders/create', address: 'not a url' })).status).toBe(422);
    expect((await call('GET', '/_sim/orders')).status).toBe(405);
    const badJson = await fetch(`${base}/_sim/orders`, { method: 'POST', headers: { 'X-Shopify-Access-Token': TOKEN }, body: '{' });
    expect(badJson.status).toBe(400);
  });

  it('requires the access token', async () => {
    const expected = { status: 401, json: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
    expect(await call('POST', '/_sim/orders', {}, null)).toEqual(expected);
    expect(await call('POST', '/_sim/orders', {}, 'wrong')).toEqual(expected);
    expect(sim.shop.orders.byId.size).toBe(0);
  });

  it('changes faults at runtime', async () => {
    await call('POST', '/_sim/webhooks/subscriptions', { topic: 'orders/create', address: receiver.url });
    expect((await call('PUT', '/_sim/webhooks/faults', { duplicateRate: 1 })).status).toBe(200);
    await call('POST', '/_sim/orders', {});
    expect((await call('POST', '/_sim/webhooks/drain')).json).toMatchObject({ deliveries: 2, duplicateDeliveries: 1 });
  });
});

describe('the Admin API prefix', () => {
  it('serves GraphQL at graphql.json and answers 404 {"errors":"Not Found"} to the REST paths it does not serve', async () => {
    expect(await call('POST', '/admin/api/2026-10/graphql.json', { query: '{ shop { name } }' })).toMatchObject({ status: 200, json: { data: { shop: { name: 'shopsync-demo' } } } });
    expect(await call('GET', '/admin/api/2026-10/orders.json')).toEqual({ status: 404, json: { errors: 'Not Found' } });
  });
});

describe('npm run sim:shopify', () => {
  it('starts a standalone simulator and prints its URL', async () => {
    const main = path.join(__dirname, '../packages/simulators/src/shopify/main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--access-token', TOKEN, '--webhook-secret', SECRET], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
      });
      const response = await fetch(`${url}/_sim/webhooks/stats`, { headers: { 'X-Shopify-Access-Token': TOKEN } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ deliveries: 0 });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
