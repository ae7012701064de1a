import { createShopifyClient } from '@shopsync/shopify-client';
import { createShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from '@shopsync/simulators';
import { fakeTime, type FakeTime } from './support/shopify-graphql-time';

// The simulator's Admin API endpoint: calculated cost, the leaky bucket on an injected clock,
// THROTTLED and MAX_COST_EXCEEDED, auth, versions, and what it does with fields it does not model.

const TOKEN = 'shpat_sim_token';
let time: FakeTime;
const opened: ShopifySimulator[] = [];
afterEach(async () => {
  for (const sim of opened.splice(0)) await sim.close();
});

function simulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  time = fakeTime();
  const sim = createShopifySimulator({ seed: 5, now: time.now, accessToken: TOKEN, ...options });
  opened.push(sim);
  return sim;
}

const ORDER_IDS = 'query Ids($first: Int!) { orders(first: $first) { nodes { id } } }';

describe('cost', () => {
  it('charges the requested cost, refunds down to the actual cost, and reports both on every response', async () => {
    const sim = simulator();
    for (let i = 0; i < 3; i += 1) sim.driver.createOrder({});
    const reply = await sim.graphql.execute({ query: ORDER_IDS, variables: { first: 50 } });
    // Connection: 2 + 50 × 1 requested; 2 + 3 nodes actually returned.
    expect(reply.body).toMatchObject({ extensions: { cost: { requestedQueryCost: 52, actualQueryCost: 5, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 } } } });
    const mutation = await sim.graphql.execute({ query: 'mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }', variables: { id: 'gid://shopify/WebhookSubscription/1' } });
    expect(mutation.body).toMatchObject({ extensions: { cost: { requestedQueryCost: 10, actualQueryCost: 10 } } });
  });

  it('answers THROTTLED (HTTP 200, no data) when the bucket lacks the requested points, and restores 100 points a second', async () => {
    const sim = simulator();
    sim.graphql.drainBucket();
    const throttled = await sim.graphql.execute({ query: ORDER_IDS, variables: { first: 50 } });
    expect(throttled).toEqual({
      status: 200,
      body: {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: 52, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 } } },
      },
    });
    time.advance(520);
    expect((await sim.graphql.execute({ query: ORDER_IDS, variables: { first: 50 } })).body).toMatchObject({ data: { orders: { nodes: [] } } });
    expect(sim.graphql.stats()).toMatchObject({ requests: 2, throttled: 1 });
  });

  it('sizes the bucket per plan', async () => {
    const sim = simulator({ graphql: { plan: 'plus' } });
    expect(sim.graphql.throttleStatus()).toEqual({ maximumAvailable: 20_000, currentlyAvailable: 20_000, restoreRate: 1000 });
  });

  it('refuses a query above 1000 points with MAX_COST_EXCEEDED, without charging it', async () => {
    const sim = simulator();
    const reply = await sim.graphql.execute({ query: '{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }' });
    const requested = 2 + 250 * (1 + 2 + 250);
    expect(reply.body).toMatchObject({
      errors: [{ message: expect.stringMatching(new RegExp(`^Query cost is ${requested}, which exceeds the single query max cost limit \\(1000\\)\\.`)), extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: 1000 } }],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { currentlyAvailable: 2000 } } },
    });
  });

  it('is never driven into THROTTLED by the client, which waits in its own bucket instead', async () => {
    const sim = simulator({ graphql: { plan: { bucketSize: 120, restoreRate: 10 } } });
    for (let i = 0; i < 3; i += 1) sim.driver.createOrder({});
    const { url } = await sim.listen();
    const client = createShopifyClient({ shop: url, accessToken: TOKEN, sleep: time.sleep, clock: time.clock });
    // Ten concurrent pages of 100 orders: 102 points requested each, 5 actually used.
    const pages = await Promise.all(Array.from({ length: 10 }, () => client.orders.updatedSince({ since: '2026-01-01T00:00:00Z', first: 100 })));
    expect(pages.every((p) => p.nodes.length === 3)).toBe(true);
    expect(sim.graphql.stats()).toMatchObject({ requests: 10, throttled: 0 });
    expect(time.sleeps.length).toBeGreaterThan(0);
  });
});

describe('the endpoint', () => {
  const urls = new Map<ShopifySimulator, string>();
  async function post(sim: ShopifySimulator, path: string, body: unknown, token: string | null = TOKEN, method = 'POST') {
    const url = urls.get(sim) ?? (await sim.listen()).url;
    urls.set(sim, url);
    const response = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Shopify-Access-Token': token } : {}) }, ...(method === 'POST' ? { body: JSON.stringify(body) } : {}) });
    return { status: response.status, version: response.headers.get('x-shopify-api-version'), json: (await response.json()) as unknown };
  }
  const shopQuery = { query: '{ shop { myshopifyDomain } }' };

  it('serves /admin/api/2026-10/graphql.json with the access token, and 401 with Shopify\'s body without it', async () => {
    const sim = simulator();
    expect(await post(sim, '/admin/api/2026-10/graphql.json', shopQuery)).toMatchObject({ status: 200, version: '2026-10', json: { data: { shop: { myshopifyDomain: 'shopsync-demo.myshopify.com' } } } });
    expect(await post(sim, '/admin/api/2026-10/graphql.json', shopQuery, 'wrong')).toMatchObject({ status: 401, json: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } });
  });

  it('falls forward from an unsupported version and says which version served, as Shopify does', async () => {
    const sim = simulator();
    expect(await post(sim, '/admin/api/2025-01/graphql.json', shopQuery)).toMatchObject({ status: 200, version: '2025-10' });
    expect(await post(sim, '/admin/api/2026-04/graphql.json', shopQuery)).toMatchObject({ status: 200, version: '2026-04' });
    expect(await post(sim, '/admin/api/unstable/graphql.json', shopQuery)).toMatchObject({ status: 200, version: 'unstable' });
    expect(await post(sim, '/admin/api/latest/graphql.json', shopQuery)).toMatchObject({ status: 404, json: { errors: 'Not Found' } });
    expect(await post(sim, '/admin/api/2026-10/orders.json', shopQuery, TOKEN, 'GET')).toMatchObject({ status: 404, json: { errors: 'Not Found' } });
  });

  it('answers a field the simulator does not model with a clear error instead of a silent null', async () => {
    const sim = simulator();
    const reply = await sim.graphql.execute({ query: '{ shop { id plan { displayName } } }' });
    expect(reply.body).toMatchObject({
      errors: [{ message: "Field 'plan' on type 'Shop' is not simulated by the shopsync Shopify simulator", path: ['shop', 'plan'], extensions: { code: 'NOT_SIMULATED', typeName: 'Shop', fieldName: 'plan' } }],
      data: null,
    });
  });

  it('fails like Shopify on a connection without first or last, and on a syntax error', async () => {
    const sim = simulator();
    expect((await sim.graphql.execute({ query: '{ orders { nodes { id } } }' })).body).toMatchObject({ errors: [{ message: 'you must provide one of first or last', path: ['orders'] }], data: null });
    // graphql-ruby reports the last token it read (the `}` at column 13), not the end of the text.
    expect((await sim.graphql.execute({ query: '{ shop { id }' })).body).toEqual({ errors: [{ message: 'syntax error, unexpected end of file at [1, 13]', locations: [{ line: 1, column: 13 }], extensions: { code: 'PARSE_ERROR' } }] });
  });
});
