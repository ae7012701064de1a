import nock from 'nock';
import { createShopifyClient, type ShopifyClientEvent } from '@shopsync/shopify-client';
import { fakeTime, type FakeTime } from './support/shopify-graphql-time';

// The client through nock with recorded-style responses (notes §2): THROTTLED in a 200 body, 429,
// 503, MAX_COST_EXCEEDED, the local bucket, and X-Shopify-API-Version. No real waits: sleep is fake.

const SHOP = 'https://shopsync-test.myshopify.com';
const PATH = '/admin/api/2026-10/graphql.json';
const VERSION = { 'X-Shopify-API-Version': '2026-10' };

const cost = (requested: number, actual: number | null, available: number, max = 2000, rate = 100) => ({
  cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate: rate } },
});
const shopBody = (available: number) => ({ data: { shop: { id: 'gid://shopify/Shop/1', name: 'test', myshopifyDomain: 'shopsync-test.myshopify.com', currencyCode: 'USD', ianaTimezone: 'UTC' } }, extensions: cost(1, 1, available) });
const throttled = (requested: number, available: number) => ({ errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: cost(requested, null, available) });

let time: FakeTime;
let events: ShopifyClientEvent[];
const client = (extra: { maxRetries?: number; apiVersion?: string } = {}) =>
  createShopifyClient({ shop: 'shopsync-test', accessToken: 'shpat_test', sleep: time.sleep, clock: time.clock, onEvent: (e) => events.push(e), ...extra });

beforeEach(() => {
  time = fakeTime();
  events = [];
});

describe('throttling', () => {
  it('retries THROTTLED in an HTTP 200 body after the time its numbers imply', async () => {
    nock(SHOP).post(PATH).reply(200, throttled(752, 666), VERSION).post(PATH).reply(200, shopBody(1900), VERSION);
    await expect(client().shop()).resolves.toMatchObject({ name: 'test' });
    // ceil((752 − 666) / 100) s, in ms; no second wait: the bucket has restored by then.
    expect(time.sleeps).toEqual([860]);
    expect(events.filter((e) => e.type === 'http.throttled')).toEqual([expect.objectContaining({ source: 'shopify', delayMs: 860 })]);
  });

  it('waits out a bare "Throttled" body (no code, no numbers) from its own bucket, then retries', async () => {
    // The first answer teaches the bucket (2000 points, 100/s) and ShopInfo's cost (500 here).
    nock(SHOP)
      .post(PATH).reply(200, { ...shopBody(0), extensions: cost(500, 1, 1999) }, VERSION)
      .post(PATH).reply(200, { errors: [{ message: 'Throttled' }] }, VERSION)
      .post(PATH).reply(200, shopBody(1999), VERSION);
    const shopify = client();
    await shopify.shop();
    await expect(shopify.shop()).resolves.toMatchObject({ name: 'test' });
    // Assumed empty, 500 points at 100/s = 5 s; no second, local wait: the bucket has restored by then.
    expect(time.sleeps).toEqual([5000]);
    expect(events.filter((e) => e.type === 'http.throttled')).toEqual([expect.objectContaining({ source: 'shopify', delayMs: 5000, expectedCost: 500 })]);
    expect(events.filter((e) => e.type === 'http.retry')).toEqual([expect.objectContaining({ code: 'shopify.throttled', delayMs: 5000 })]);
  });

  it('retries HTTP 429 after Retry-After, and 503 with backoff (never less than Shopify\'s 1 s), for queries', async () => {
    nock(SHOP)
      .post(PATH).reply(429, { errors: 'Throttled' }, { ...VERSION, 'Retry-After': '2' })
      .post(PATH).reply(503, 'Service Unavailable', VERSION)
      .post(PATH).reply(200, shopBody(1999), VERSION);
    await expect(client().shop()).resolves.toMatchObject({ name: 'test' });
    // 2nd attempt: exponential backoff 2 s with equal jitter 0.5 → 1.5 s, above the 1 s floor.
    expect(time.sleeps).toEqual([2000, 1500]);
    expect(events.filter((e) => e.type === 'http.retry').map((e) => e.type === 'http.retry' && e.code)).toEqual(['shopify.throttled', 'shopify.server_error']);
  });

  it('gives up after maxRetries with the last error', async () => {
    nock(SHOP).post(PATH).times(3).reply(200, throttled(10, 0), VERSION);
    await expect(client({ maxRetries: 2 }).shop()).rejects.toMatchObject({ code: 'shopify.throttled', retryable: true, retryAfterMs: 100 });
    expect(time.sleeps).toEqual([100, 100]);
  });

  it('waits in its own bucket, sized from throttleStatus, instead of sending a request Shopify would throttle', async () => {
    // First answer: only 5 points left of a 50-point bucket restoring 10/s.
    nock(SHOP).post(PATH).reply(200, { ...shopBody(0), extensions: cost(1, 1, 5, 50, 10) }, VERSION).post(PATH).reply(200, shopBody(1999), VERSION);
    const shopify = client();
    await shopify.shop();
    expect(shopify.graphql.availablePoints()).toBe(5);
    await shopify.shop();
    // ShopInfo costs 1 (learned): available; no wait. Drain the local view to force one:
    expect(time.sleeps).toEqual([]);
    nock(SHOP).post(PATH).reply(200, { ...shopBody(0), extensions: cost(1, 1, 0, 50, 10) }, VERSION).post(PATH).reply(200, shopBody(1999), VERSION);
    await shopify.shop();
    await shopify.shop();
    expect(time.sleeps).toEqual([100]);
    expect(events.filter((e) => e.type === 'http.throttled')).toEqual([expect.objectContaining({ source: 'local-bucket', delayMs: 100, expectedCost: 1 })]);
  });

  it('does not retry MAX_COST_EXCEEDED: it is a query to fix', async () => {
    nock(SHOP).post(PATH).reply(200, { errors: [{ message: 'Query cost is 1723, which exceeds the single query max cost limit (1000).', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1723, maxCost: 1000 } }] }, VERSION);
    await expect(client().shop()).rejects.toMatchObject({ code: 'shopify.max_cost_exceeded', category: 'internal', retryable: false });
    expect(time.sleeps).toEqual([]);
  });
});

describe('retry safety of mutations', () => {
  const fulfil = { orderId: 'gid://shopify/Order/1', lines: [{ lineItemId: 'gid://shopify/LineItem/1', quantity: 1 }] };
  const foBody = {
    data: { order: { id: 'gid://shopify/Order/1', fulfillmentOrders: { nodes: [{ id: 'gid://shopify/FulfillmentOrder/1', status: 'OPEN', requestStatus: 'UNSUBMITTED', updatedAt: '2026-11-27T15:00:00Z', assignedLocation: { name: 'Shop location', location: { id: 'gid://shopify/Location/1' } }, supportedActions: [{ action: 'CREATE_FULFILLMENT' }], lineItems: { pageInfo: { hasNextPage: false }, nodes: [{ id: 'gid://shopify/FulfillmentOrderLineItem/1', sku: 'A', totalQuantity: 1, remainingQuantity: 1, lineItem: { id: 'gid://shopify/LineItem/1' } }] } }] } } },
    extensions: cost(533, 16, 1900),
  };

  it('never resends fulfillmentCreate (no idempotency) after a 503, but does after THROTTLED (it never ran)', async () => {
    nock(SHOP).post(PATH).reply(200, foBody, VERSION).post(PATH).reply(503, '', VERSION);
    await expect(client().fulfillments.create(fulfil)).rejects.toMatchObject({ code: 'shopify.server_error', retryable: true });
    nock(SHOP).post(PATH).reply(200, foBody, VERSION).post(PATH).reply(200, throttled(10, 0), VERSION).post(PATH).reply(200, { data: { fulfillmentCreate: { fulfillment: { id: 'gid://shopify/Fulfillment/9', name: '#1001.1', status: 'SUCCESS', displayStatus: 'FULFILLED', createdAt: '2026-11-27T15:00:00Z', trackingInfo: [], fulfillmentLineItems: { nodes: [] } }, userErrors: [] } }, extensions: cost(10, 10, 1980) }, VERSION);
    await expect(client().fulfillments.create(fulfil)).resolves.toMatchObject({ fulfillments: [{ id: 'gid://shopify/Fulfillment/9' }] });
  });

  it('resends an @idempotent mutation with the same key after a 503', async () => {
    const bodies: { variables: { idempotencyKey: string } }[] = [];
    const ok = { data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: 'gid://shopify/InventoryAdjustmentGroup/1', createdAt: '2026-11-27T15:00:00Z', reason: 'correction', referenceDocumentUri: null, changes: [] }, userErrors: [] } }, extensions: cost(13, 13, 1987) };
    nock(SHOP)
      .post(PATH, (b: { variables: { idempotencyKey: string } }) => bodies.push(b) > 0).reply(503, '', VERSION)
      .post(PATH, (b: { variables: { idempotencyKey: string } }) => bodies.push(b) > 0).reply(200, ok, VERSION);
    const groups = await client().inventory.setQuantities({ name: 'available', reason: 'correction', idempotencyKey: 'stock-entry-1:0', quantities: [{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/1', quantity: 5, changeFromQuantity: 3 }] });
    expect(groups.map((g) => g.id)).toEqual(['gid://shopify/InventoryAdjustmentGroup/1']);
    expect(bodies.map((b) => b.variables.idempotencyKey)).toEqual(['stock-entry-1:0', 'stock-entry-1:0']);
  });
});

describe('API version', () => {
  it('reports the version Shopify actually served when it differs from the pinned one', async () => {
    nock(SHOP).post('/admin/api/2025-01/graphql.json').times(2).reply(200, shopBody(1999), { 'X-Shopify-API-Version': '2025-10' });
    const shopify = client({ apiVersion: '2025-01' });
    await shopify.shop();
    await shopify.shop();
    expect(events.filter((e) => e.type === 'api.version_mismatch')).toEqual([{ type: 'api.version_mismatch', requested: '2025-01', served: '2025-10' }]);
  });

  it('sends the access token to the pinned 2026-10 endpoint and reports no mismatch', async () => {
    nock(SHOP, { reqheaders: { 'x-shopify-access-token': 'shpat_test' } }).post(PATH).reply(200, shopBody(1999), VERSION);
    await client().shop();
    expect(events.some((e) => e.type === 'api.version_mismatch')).toBe(false);
    expect(events.find((e) => e.type === 'http.request')).toMatchObject({ document: 'ShopInfo', status: 200, cost: { requestedQueryCost: 1 } });
  });
});
