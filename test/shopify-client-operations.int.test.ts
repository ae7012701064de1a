import nock from 'nock';
import { createShopifyClient, defineShopifyDocument, planFulfillment, type FulfillmentOrder } from '@shopsync/shopify-client';
import { fakeTime } from './support/shopify-graphql-time';

// The thin operations over recorded-style responses: batching and keys of inventorySetQuantities,
// stale quantities mid-way, exact SKU matching, search strings, JSONL streaming, fulfilment caps.

const SHOP = 'https://shopsync-test.myshopify.com';
const PATH = '/admin/api/2026-10/graphql.json';
const HEADERS = { 'X-Shopify-API-Version': '2026-10' };
const cost = { cost: { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } } };

type Body = { query: string; variables: Record<string, unknown> };
const client = () => {
  const time = fakeTime();
  return createShopifyClient({ shop: 'shopsync-test.myshopify.com', accessToken: 'shpat_test', sleep: time.sleep, clock: time.clock });
};
const group = (id: number) => ({ data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: `gid://shopify/InventoryAdjustmentGroup/${id}`, createdAt: '2026-11-27T15:15:00Z', reason: 'correction', referenceDocumentUri: 'gid://shopsync/StockEntry/MAT-STE-1', changes: [] }, userErrors: [] } }, extensions: cost });

describe('setInventoryQuantities', () => {
  const quantities = Array.from({ length: 600 }, (_, i) => ({ inventoryItemId: `gid://shopify/InventoryItem/${i + 1}`, locationId: 'gid://shopify/Location/1', quantity: i, changeFromQuantity: i === 0 ? null : i - 1 }));
  const input = { name: 'available' as const, reason: 'correction' as const, referenceDocumentUri: 'gid://shopsync/StockEntry/MAT-STE-1', idempotencyKey: 'MAT-STE-1:g1', quantities };

  it('sends at most 250 quantities per mutation, each batch under its own derived idempotency key', async () => {
    const bodies: Body[] = [];
    const record = (b: Body) => bodies.push(b) > 0;
    nock(SHOP).post(PATH, record).reply(200, group(1), HEADERS).post(PATH, record).reply(200, group(2), HEADERS).post(PATH, record).reply(200, group(3), HEADERS);
    const groups = await client().inventory.setQuantities(input);
    expect(groups.map((g) => g.id)).toEqual([1, 2, 3].map((n) => `gid://shopify/InventoryAdjustmentGroup/${n}`));
    expect(bodies.map((b) => b.variables.idempotencyKey)).toEqual(['MAT-STE-1:g1:1/3', 'MAT-STE-1:g1:2/3', 'MAT-STE-1:g1:3/3']);
    expect(bodies.map((b) => (b.variables.input as { quantities: unknown[] }).quantities.length)).toEqual([250, 250, 100]);
    expect(bodies[0]?.query).toContain('@idempotent(key: $idempotencyKey)');
    // changeFromQuantity is always present, null included (mandatory from 2026-04, notes §3.2).
    expect((bodies[0]?.variables.input as { quantities: Record<string, unknown>[] }).quantities[0]).toEqual({ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/1', quantity: 0, changeFromQuantity: null });
  });

  it('reports a stale quantity in batch 2 with the batches already applied', async () => {
    const stale = { data: { inventorySetQuantities: { inventoryAdjustmentGroup: null, userErrors: [{ field: ['input', 'quantities', '17', 'changeFromQuantity'], message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' }] } }, extensions: cost };
    nock(SHOP).post(PATH).reply(200, group(1), HEADERS).post(PATH).reply(200, stale, HEADERS);
    await expect(client().inventory.setQuantities(input)).rejects.toMatchObject({
      code: 'shopify.user_error.change_from_quantity_stale',
      category: 'conflict',
      retryable: true,
      details: { batch: 2, batches: 3, idempotencyKey: 'MAT-STE-1:g1:2/3', appliedGroups: ['gid://shopify/InventoryAdjustmentGroup/1'], action: 'refetch_and_reapply' },
    });
  });

  it('refuses input Shopify would refuse before sending anything', async () => {
    await expect(client().inventory.setQuantities({ ...input, idempotencyKey: '  ' })).rejects.toThrow('idempotencyKey must not be blank');
    await expect(client().inventory.setQuantities({ ...input, quantities: [{ ...quantities[0], changeFromQuantity: undefined } as never] })).rejects.toThrow('changeFromQuantity must be an integer or null');
  });
});

describe('reads', () => {
  it('finds variants by SKU with a quoted OR query and keeps exact matches only', async () => {
    let query = '';
    const variant = (sku: string, id: number) => ({ id: `gid://shopify/ProductVariant/${id}`, legacyResourceId: String(id), sku, title: 'Default Title', displayName: sku, price: '1.0', inventoryQuantity: 1, product: { id: 'gid://shopify/Product/1', title: 'P' }, inventoryItem: { id: `gid://shopify/InventoryItem/${id}`, sku, tracked: true } });
    nock(SHOP)
      .post(PATH, (b: Body) => ((query = String(b.variables.query)), true))
      .reply(200, { data: { productVariants: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [variant('A 1', 1), variant('A 10', 2), variant("it's", 3)] } }, extensions: cost }, HEADERS);
    const found = await client().variants.bySku(['A 1', "it's", 'missing']);
    expect(query).toBe("sku:'A 1' OR sku:'it\\'s' OR sku:'missing'");
    expect(Object.fromEntries([...found].map(([sku, list]) => [sku, list.map((v) => v.id)]))).toEqual({ 'A 1': ['gid://shopify/ProductVariant/1'], "it's": ['gid://shopify/ProductVariant/3'], missing: [] });
  });

  it('asks for orders updated at or after an instant, sorted by update, with no status filter', async () => {
    let body: Body | undefined;
    nock(SHOP).post(PATH, (b: Body) => ((body = b), true)).reply(200, { data: { orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } }, extensions: cost }, HEADERS);
    await client().orders.updatedSince({ since: '2026-11-01T00:00:00Z', first: 100 });
    expect(body?.variables).toEqual({ query: "updated_at:>='2026-11-01T00:00:00Z'", after: null, first: 100 });
    expect(body?.query).toContain('sortKey: UPDATED_AT');
  });

  it('streams a JSONL bulk result line by line, with escaped slashes and children after parents', async () => {
    const jsonl = ['{"id":"gid:\\/\\/shopify\\/Order\\/1","name":"#1001"}', '{"id":"gid:\\/\\/shopify\\/LineItem\\/7","sku":"A","__parentId":"gid:\\/\\/shopify\\/Order\\/1"}', ''].join('\n');
    nock('https://storage.googleapis.com').get('/shopify-tiers-assets-prod-us-east1/bulk-1.jsonl').query(true).reply(200, jsonl, { 'Content-Type': 'application/jsonl' });
    const records = [];
    for await (const r of client().bulk.stream('https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-1.jsonl?X-Goog-Signature=abc')) records.push(r);
    expect(records).toEqual([{ id: 'gid://shopify/Order/1', name: '#1001' }, { id: 'gid://shopify/LineItem/7', sku: 'A', __parentId: 'gid://shopify/Order/1' }]);
  });

  it('refuses to send a document that is not in the registry (and so was never validated)', async () => {
    const rogue = defineShopifyDocument('Rogue', 'query Rogue { shop { id } }');
    await expect(client().graphql.request(rogue)).rejects.toMatchObject({ code: 'shopify.unregistered_document', category: 'internal' });
  });
});

describe('planFulfillment', () => {
  const fo = (id: string, location: string, status: string, lines: [string, string, number][]): FulfillmentOrder => ({
    id,
    status,
    requestStatus: 'UNSUBMITTED',
    updatedAt: '2026-11-27T15:00:00Z',
    assignedLocation: { name: location, location: { id: location } },
    supportedActions: status === 'CLOSED' ? [] : [{ action: 'CREATE_FULFILLMENT' }],
    lineItems: { pageInfo: { hasNextPage: false }, nodes: lines.map(([foLine, line, remaining]) => ({ id: foLine, sku: null, totalQuantity: remaining, remainingQuantity: remaining, lineItem: { id: line } })) },
  });

  it('caps each line at its remaining quantity, spreads it over fulfillment orders, and groups by location', () => {
    const orders = [fo('FO1', 'L1', 'OPEN', [['F1', 'LI1', 2], ['F2', 'LI2', 1]]), fo('FO2', 'L2', 'IN_PROGRESS', [['F3', 'LI1', 1]]), fo('FO3', 'L1', 'CLOSED', [['F4', 'LI2', 5]])];
    const plan = planFulfillment(orders, [{ lineItemId: 'LI1', quantity: 5 }, { lineItemId: 'LI2', quantity: 1 }, { lineItemId: 'LI3', quantity: 1 }]);
    expect(plan.groups).toEqual([
      { locationId: 'L1', lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'F1', quantity: 2 }, { id: 'F2', quantity: 1 }] }] },
      { locationId: 'L2', lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'FO2', fulfillmentOrderLineItems: [{ id: 'F3', quantity: 1 }] }] },
    ]);
    expect(plan.shortfalls).toEqual([{ lineItemId: 'LI1', requested: 5, planned: 3 }, { lineItemId: 'LI3', requested: 1, planned: 0 }]);
  });
});
