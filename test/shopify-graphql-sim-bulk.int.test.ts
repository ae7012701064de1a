import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startWebhookReceiver, type WebhookReceiver } from './support/shopify-webhook-receiver';
import { fakeTime, type FakeTime } from './support/shopify-graphql-time';

// Bulk operations and webhook subscriptions through the simulator's GraphQL endpoint (notes §7–§8).

const SECRET = 'bulk-secret';
const RUN = 'mutation Run($query: String!) { bulkOperationRunQuery(query: $query, groupObjects: false) { bulkOperation { id status url } userErrors { field message code } } }';
const POLL = 'query Poll($id: ID!) { bulkOperation(id: $id) { id status objectCount rootObjectCount fileSize url completedAt } }';
const ORDERS_WITH_LINES = '{ orders(query: "status:open") { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }';

let sim: ShopifySimulator;
let time: FakeTime;
let receiver: WebhookReceiver;

beforeEach(async () => {
  time = fakeTime();
  receiver = await startWebhookReceiver(SECRET);
  sim = createShopifySimulator({ seed: 13, now: time.now, webhookSecret: SECRET, timeScale: 1e6, graphql: { bulkOperationDurationMs: 5000 } });
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

type Run = { bulkOperation: { id: string; status: string } | null; userErrors: { field: string[] | null; message: string; code: string }[] };
const run = async (query: string): Promise<Run> => ((await sim.graphql.execute({ query: RUN, variables: { query } })).body as { data: { bulkOperationRunQuery: Run } }).data.bulkOperationRunQuery;
const poll = async (id: string) => ((await sim.graphql.execute({ query: POLL, variables: { id } })).body as { data: { bulkOperation: Record<string, unknown> } }).data.bulkOperation;

describe('bulkOperationRunQuery', () => {
  it('runs, reports RUNNING until done, then serves the JSONL with children under __parentId and fires bulk_operations/finish', async () => {
    sim.webhooks.subscribe({ topic: 'bulk_operations/finish', address: receiver.url });
    const a = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002' }] });
    const b = sim.driver.createOrder({ lines: [{ sku: 'SKU-1003' }] });
    const started = await run(ORDERS_WITH_LINES);
    expect(started).toMatchObject({ bulkOperation: { status: 'CREATED', url: null }, userErrors: [] });
    const id = started.bulkOperation?.id as string;
    expect(await poll(id)).toMatchObject({ status: 'RUNNING', url: null, objectCount: '0' });
    time.advance(5000);
    const done = await poll(id);
    expect(done).toMatchObject({ status: 'COMPLETED', objectCount: '5', rootObjectCount: '2', completedAt: expect.stringMatching(/Z$/) });
    const { url } = await sim.listen();
    const jsonlUrl = (done.url as string).replace('http://127.0.0.1', url);
    const response = await fetch(jsonlUrl);
    expect(response.headers.get('content-type')).toBe('application/jsonl');
    const text = await response.text();
    expect(text).toContain('gid:\\/\\/shopify\\/Order\\/');
    expect(String(Buffer.byteLength(text))).toBe(done.fileSize);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => !('__parentId' in l)).map((l) => l.name)).toEqual([a.name, b.name]);
    expect(lines.filter((l) => l.__parentId === a.admin_graphql_api_id).map((l) => [l.sku, l.quantity])).toEqual([['SKU-1001', 2], ['SKU-1002', 1]]);
    await sim.webhooks.drain();
    expect(JSON.parse(receiver.received[0]?.rawBody.toString('utf8') ?? '{}')).toMatchObject({ admin_graphql_api_id: id, status: 'completed', type: 'query', error_code: null });
  });

  it('applies Shopify\'s bulk-query validators', async () => {
    const messages = async (query: string) => (await run(query)).userErrors.map((e) => `${e.code}: ${e.message}`);
    expect(await messages('{ orders { nodes { id } } }')).toEqual(["INVALID: All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'orders { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'orders'."]);
    expect(await messages('{ node(id: "gid://shopify/Order/1") { id } }')).toEqual(['INVALID: Bulk queries cannot contain a top level `node` field.', 'INVALID: Bulk queries must contain at least one connection.']);
    expect(await messages('{ orders { edges { node { name lineItems { edges { node { id } } } } } } }')).toEqual(["INVALID: The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': orders."]);
    expect(await messages('mutation { webhookSubscriptionDelete(id: "gid://shopify/WebhookSubscription/1") { deletedWebhookSubscriptionId } }')).toEqual(['INVALID: Invalid operation type. Only `query` operations are supported.']);
    expect(await messages('{ orders { edges { node { id skuu } } } }')).toEqual(["INVALID: Invalid bulk query: Field 'skuu' doesn't exist on type 'Order'"]);
  });

  it('allows five bulk queries at a time', async () => {
    for (let i = 0; i < 5; i += 1) expect((await run(ORDERS_WITH_LINES)).userErrors).toEqual([]);
    const sixth = await run(ORDERS_WITH_LINES);
    expect(sixth.userErrors).toEqual([{ field: null, message: expect.stringMatching(/^A bulk query operation for this app and shop is already in progress: gid:\/\/shopify\/BulkOperation\/\d+\.$/), code: 'OPERATION_IN_PROGRESS' }]);
    time.advance(5000);
    expect((await run(ORDERS_WITH_LINES)).userErrors).toEqual([]);
  });
});

describe('webhook subscriptions through GraphQL', () => {
  const CREATE = 'mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { webhookSubscription { id topic uri apiVersion { handle } } userErrors { field message } } }';

  it('subscribes on the existing dispatcher, so driver actions are delivered, signed, with the version of the request', async () => {
    const { url } = await sim.listen();
    const reply = await fetch(`${url}/admin/api/2026-07/graphql.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: CREATE, variables: { topic: 'ORDERS_CREATE', sub: { uri: receiver.url, format: 'JSON' } } }) });
    const created = ((await reply.json()) as { data: { webhookSubscriptionCreate: { webhookSubscription: { topic: string; apiVersion: { handle: string } } } } }).data.webhookSubscriptionCreate;
    expect(created.webhookSubscription).toMatchObject({ topic: 'ORDERS_CREATE', apiVersion: { handle: '2026-07' } });
    sim.driver.createOrder({});
    await sim.webhooks.drain();
    expect(receiver.received).toEqual([expect.objectContaining({ hmacValid: true, headers: expect.objectContaining({ 'x-shopify-topic': 'orders/create', 'x-shopify-api-version': '2026-07' }) })]);
  });

  it('refuses what Shopify refuses: plain HTTP off loopback, Shopify domains, a taken address', async () => {
    const errors = async (uri: string) => ((await sim.graphql.execute({ query: CREATE, variables: { topic: 'ORDERS_PAID', sub: { uri } } })).body as { data: { webhookSubscriptionCreate: { userErrors: unknown[] } } }).data.webhookSubscriptionCreate.userErrors;
    expect(await errors('http://example.com/hook')).toEqual([{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address protocol http:// is not supported' }]);
    expect(await errors('https://evil.myshopify.com/hook')).toEqual([{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address cannot be a Shopify or an internal domain' }]);
    expect(await errors('https://example.com/hook')).toEqual([]);
    expect(await errors('https://example.com/hook')).toEqual([{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' }]);
  });
});
