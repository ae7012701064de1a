import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { documentedSample, inferredSchema, keyShapeDiff } from './support/shopify-payload-shape';
import { fakeTime } from './support/shopify-graphql-time';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './support/shopify-webhook-receiver';

// What the ERPNext -> Shopify inventory and fulfillment sync will do against the Shopify simulator,
// the way the runner will do it: find inventory items by SKU, read levels, write `available` with
// inventorySetQuantities (@idempotent, changeFromQuantity: notes §3.2-3.4), fulfil with
// fulfillmentCreate (§5), and receive inventory_levels/update (§1.7) for every change of
// `available`, whoever made it: our mutation, an order, or a merchant editing stock by hand.

const SECRET = 'readiness-secret';
const LOOKUP = `query Lookup($q: String!) {
  productVariants(first: 5, query: $q) { nodes { id sku inventoryItem { id sku tracked } } }
  locations(first: 10) { nodes { id name fulfillsOnlineOrders } }
}`;
const LEVEL = `query Level($item: ID!, $location: ID!) {
  inventoryItem(id: $item) { sku inventoryLevel(locationId: $location) { id quantities(names: ["available", "on_hand", "committed"]) { name quantity } } }
}`;
const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta item { id } location { id } } }
    userErrors { field message code }
  }
}`;
const FULFILLMENT_ORDERS = `query FOs($id: ID!) {
  order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { nodes { id status supportedActions { action } assignedLocation { location { id } }
    lineItems(first: 50) { nodes { id remainingQuantity lineItem { id sku } } } } } }
}`;
const FULFIL = `mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status displayStatus trackingInfo { company number url } } userErrors { field message } }
}`;

interface SetPayload {
  inventoryAdjustmentGroup: { id: string; changes: { name: string; delta: number; item: { id: string }; location: { id: string } }[] } | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

let sim: ShopifySimulator;
let receiver: WebhookReceiver;
let item: string;
let shopLocation: string;
let warehouse: string;

const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  const reply = await sim.graphql.execute({ query, variables });
  const body = reply.body as { data?: T; errors?: unknown };
  if (body.errors !== undefined || body.data === undefined) throw new Error(JSON.stringify(body));
  return body.data;
};
const setAvailable = async (key: string, quantities: { item?: string; location: string; quantity: number; changeFrom: number | null }[]): Promise<SetPayload> =>
  (
    await gql<{ inventorySetQuantities: SetPayload }>(SET, {
      key,
      input: {
        name: 'available',
        reason: 'correction',
        referenceDocumentUri: `gid://shopsync/StockLedgerEntry/${key}`,
        quantities: quantities.map((q) => ({ inventoryItemId: q.item ?? item, locationId: q.location, quantity: q.quantity, changeFromQuantity: q.changeFrom })),
      },
    })
  ).inventorySetQuantities;
interface LevelQuantities {
  available: number;
  on_hand: number;
  committed: number;
}
const quantitiesAt = async (location: string, inventoryItem = item): Promise<LevelQuantities> => {
  const data = await gql<{ inventoryItem: { inventoryLevel: { quantities: { name: string; quantity: number }[] } } }>(LEVEL, { item: inventoryItem, location });
  return Object.fromEntries(data.inventoryItem.inventoryLevel.quantities.map((q) => [q.name, q.quantity])) as unknown as LevelQuantities;
};
const delivered = async (): Promise<{ topic: string; eventId: string; body: Record<string, unknown> }[]> => {
  await sim.webhooks.drain();
  const out = receiver.received.map((r: ReceivedWebhook) => ({ topic: String(r.headers['x-shopify-topic']), eventId: String(r.headers['x-shopify-event-id']), body: JSON.parse(r.rawBody.toString('utf8')) as Record<string, unknown> }));
  receiver.received.length = 0;
  return out;
};
const legacyId = (gid: string): number => Number(gid.split('/').pop()?.split('?')[0]);

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sim = createShopifySimulator({ seed: 23, now: fakeTime().now, webhookSecret: SECRET, timeScale: 1e6 });
  for (const topic of ['inventory_levels/update', 'orders/create', 'fulfillments/create', 'orders/fulfilled', 'orders/partially_fulfilled']) sim.webhooks.subscribe({ topic, address: receiver.url });
  const data = await gql<{ productVariants: { nodes: { sku: string; inventoryItem: { id: string } }[] }; locations: { nodes: { id: string; name: string }[] } }>(LOOKUP, { q: 'sku:SKU-1003' });
  item = data.productVariants.nodes[0]!.inventoryItem.id;
  shopLocation = data.locations.nodes.find((l) => l.name === 'Shop location')!.id;
  warehouse = data.locations.nodes.find((l) => l.name === 'East Warehouse')!.id;
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('reading Shopify stock by SKU', () => {
  it('finds the variant and its inventory item by SKU, and reads named quantities per location', async () => {
    const data = await gql<{ productVariants: { nodes: unknown[] }; locations: { nodes: unknown[] } }>(LOOKUP, { q: 'sku:SKU-1003' });
    expect(data.productVariants.nodes).toEqual([{ id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\/\d+$/), sku: 'SKU-1003', inventoryItem: { id: item, sku: 'SKU-1003', tracked: true } }]);
    expect(data.locations.nodes).toEqual([
      { id: shopLocation, name: 'Shop location', fulfillsOnlineOrders: true },
      { id: warehouse, name: 'East Warehouse', fulfillsOnlineOrders: false },
    ]);
    await expect(gql(LOOKUP, { q: 'sku:NO-SUCH-SKU' })).resolves.toMatchObject({ productVariants: { nodes: [] } });
    const start = sim.driver.getInventory('SKU-1003').quantities.available;
    await expect(quantitiesAt(shopLocation)).resolves.toEqual({ available: start, on_hand: start, committed: 0 });
    await expect(quantitiesAt(warehouse)).resolves.toEqual({ available: 0, on_hand: 0, committed: 0 });
  });
});

describe('inventory_levels/update', () => {
  it('fires when a merchant edits stock by hand (driver.changeInventory), with the documented payload', async () => {
    const location = legacyId(warehouse);
    const level = sim.driver.changeInventory({ sku: 'SKU-1003', locationId: location, set: 12 });
    expect(level).toMatchObject({ location_id: location, available: 12, quantities: { available: 12, on_hand: 12 } });
    const [webhook, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(webhook?.topic).toBe('inventory_levels/update');
    const body = webhook!.body;
    expect(keyShapeDiff(body, documentedSample('2026-07', 'inventory_levels/update'), inferredSchema('2026-07', 'inventory_levels/update'))).toEqual([]);
    expect(body).toEqual({
      inventory_item_id: legacyId(item),
      location_id: location,
      available: 12,
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/),
      admin_graphql_api_id: `gid://shopify/InventoryLevel/${location}?inventory_item_id=${legacyId(item)}`,
    });
    // A delta works too; an "On hand" edit lands in available; committed stock is not editable by hand.
    sim.driver.changeInventory({ sku: 'SKU-1003', locationId: location, delta: -2 });
    expect(sim.driver.changeInventory({ sku: 'SKU-1003', locationId: location, name: 'on_hand', delta: 5 }).quantities).toMatchObject({ available: 15, on_hand: 15 });
    expect(() => sim.driver.changeInventory({ sku: 'SKU-1003', name: 'committed', delta: 1 })).toThrow(/committed/);
    expect((await delivered()).map((w) => [w.topic, w.body.available])).toEqual([['inventory_levels/update', 10], ['inventory_levels/update', 15]]);
  });

  it('the HTTP twin for a demo process: POST /_sim/inventory', async () => {
    const { url } = await sim.listen(0);
    const response = await fetch(`${url}/_sim/inventory`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sku: 'SKU-1003', delta: -4 }) });
    expect(response.status).toBe(200);
    const start = (await quantitiesAt(shopLocation)).on_hand;
    expect(await response.json()).toMatchObject({ location_id: legacyId(shopLocation), available: start, quantities: { available: start } });
    expect((await delivered()).map((w) => [w.topic, w.body.available])).toEqual([['inventory_levels/update', start]]);
    const refused = await fetch(`${url}/_sim/inventory`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sku: 'SKU-1003', delta: 'two' }) });
    expect(refused.status).toBe(422);
  });

  it('fires when an order commits stock, under the order\'s event id, and again when a cancel releases it', async () => {
    const start = (await quantitiesAt(shopLocation)).available;
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1003', quantity: 2 }] });
    await expect(quantitiesAt(shopLocation)).resolves.toEqual({ available: start - 2, on_hand: start, committed: 2 });
    const created = await delivered();
    expect(created.map((w) => [w.topic, w.body.available ?? null])).toEqual([['orders/create', null], ['inventory_levels/update', start - 2]]);
    expect(new Set(created.map((w) => w.eventId)).size).toBe(1);
    sim.driver.cancelOrder(order.id);
    expect((await delivered()).map((w) => [w.topic, w.body.available])).toEqual([['inventory_levels/update', start]]);
    await expect(quantitiesAt(shopLocation)).resolves.toEqual({ available: start, on_hand: start, committed: 0 });
  });
});

describe('inventorySetQuantities as the sync writes it', () => {
  it('sets available at two locations in one call: the changes mirrored to on_hand, one webhook per level', async () => {
    const start = (await quantitiesAt(shopLocation)).available;
    const result = await setAvailable('sle-1', [{ location: shopLocation, quantity: start + 5, changeFrom: start }, { location: warehouse, quantity: 7, changeFrom: 0 }]);
    expect(result.userErrors).toEqual([]);
    expect(result.inventoryAdjustmentGroup?.changes.map((c) => [c.name, c.delta, c.location.id])).toEqual([
      ['available', 5, shopLocation], ['on_hand', 5, shopLocation], ['available', 7, warehouse], ['on_hand', 7, warehouse],
    ]);
    const hooks = await delivered();
    expect(hooks.map((w) => [w.topic, w.body.location_id, w.body.available])).toEqual([
      ['inventory_levels/update', legacyId(shopLocation), start + 5],
      ['inventory_levels/update', legacyId(warehouse), 7],
    ]);
    expect(new Set(hooks.map((w) => w.eventId)).size).toBe(1);
    // Setting what is already there changes nothing and fires nothing.
    expect((await setAvailable('sle-2', [{ location: warehouse, quantity: 7, changeFrom: 7 }])).userErrors).toEqual([]);
    await expect(delivered()).resolves.toEqual([]);
  });

  it('a replay with the same key returns the first result and applies nothing twice', async () => {
    const start = (await quantitiesAt(shopLocation)).available;
    const first = await setAvailable('sle-replay', [{ location: shopLocation, quantity: start - 3, changeFrom: start }]);
    expect(await delivered()).toHaveLength(1);
    const again = await setAvailable('sle-replay', [{ location: shopLocation, quantity: start - 3, changeFrom: start }]);
    expect(again).toEqual(first);
    await expect(quantitiesAt(shopLocation)).resolves.toMatchObject({ available: start - 3 });
    await expect(delivered()).resolves.toEqual([]);
  });

  it('a stale changeFromQuantity (an order came in after our read) is refused whole, with Shopify\'s error', async () => {
    const read = (await quantitiesAt(shopLocation)).available;
    sim.driver.createOrder({ lines: [{ sku: 'SKU-1003', quantity: 1 }] });
    await delivered();
    const stale = await setAvailable('sle-stale', [{ location: warehouse, quantity: 3, changeFrom: 0 }, { location: shopLocation, quantity: 50, changeFrom: read }]);
    expect(stale).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [{ field: ['input', 'quantities', '1', 'changeFromQuantity'], message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' }],
    });
    await expect(quantitiesAt(warehouse)).resolves.toMatchObject({ available: 0 });
    await expect(quantitiesAt(shopLocation)).resolves.toMatchObject({ available: read - 1 });
    await expect(delivered()).resolves.toEqual([]);
    // Re-read, recompute, retry under a new key (notes §3.3).
    const retried = await setAvailable('sle-stale-2', [{ location: warehouse, quantity: 3, changeFrom: 0 }, { location: shopLocation, quantity: 50, changeFrom: read - 1 }]);
    expect(retried.userErrors).toEqual([]);
    expect((await delivered()).map((w) => w.body.available)).toEqual([3, 50]);
  });
});

describe('fulfillmentCreate as the sync calls it for a Delivery Note', () => {
  it('fulfils by fulfillment order line with tracking, and Shopify sends the fulfillment and order webhooks', async () => {
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1003', quantity: 2 }, { sku: 'SKU-1004', quantity: 1 }] });
    await delivered();
    type Fo = { id: string; status: string; supportedActions: { action: string }[]; assignedLocation: { location: { id: string } }; lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string; sku: string } }[] } };
    const fos = async () => (await gql<{ order: { displayFulfillmentStatus: string; fulfillmentOrders: { nodes: Fo[] } } }>(FULFILLMENT_ORDERS, { id: order.admin_graphql_api_id })).order;
    const [fo] = (await fos()).fulfillmentOrders.nodes;
    expect(fo).toMatchObject({ status: 'OPEN', assignedLocation: { location: { id: shopLocation } } });
    expect(fo?.supportedActions.map((a) => a.action)).toContain('CREATE_FULFILLMENT');
    const line = fo!.lineItems.nodes.find((l) => l.lineItem.sku === 'SKU-1003')!;
    expect(line.lineItem.id).toBe(`gid://shopify/LineItem/${order.line_items.find((l) => l.sku === 'SKU-1003')?.id}`);
    const tracking = { company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' };
    const result = await gql<{ fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: unknown[] } }>(FULFIL, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo!.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 2 }] }], trackingInfo: tracking, notifyCustomer: false },
    });
    expect(result.fulfillmentCreate).toEqual({ fulfillment: { id: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\/\d+$/), status: 'SUCCESS', displayStatus: 'FULFILLED', trackingInfo: [tracking] }, userErrors: [] });
    expect((await fos()).displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    const partial = await delivered();
    expect(partial.map((w) => w.topic)).toEqual(['fulfillments/create', 'orders/partially_fulfilled']);
    expect(partial[0]?.body).toMatchObject({ order_id: order.id, status: 'success', tracking_company: 'UPS', tracking_number: tracking.number, tracking_url: tracking.url, line_items: [expect.objectContaining({ sku: 'SKU-1003', quantity: 2 })] });
    expect(new Set(partial.map((w) => w.eventId)).size).toBe(1);
    // Shipping takes committed stock out of on_hand; available does not move.
    await expect(quantitiesAt(shopLocation)).resolves.toMatchObject({ committed: 0 });

    const rest = await gql<{ fulfillmentCreate: { userErrors: unknown[] } }>(FULFIL, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo!.id }], trackingInfo: { company: 'UPS', number: '1Z2' } } });
    expect(rest.fulfillmentCreate.userErrors).toEqual([]);
    expect((await delivered()).map((w) => w.topic)).toEqual(['fulfillments/create', 'orders/fulfilled']);
    expect(sim.driver.getOrder(order.id)).toMatchObject({ fulfillment_status: 'fulfilled', fulfillments: [expect.objectContaining({ tracking_number: tracking.number }), expect.objectContaining({ tracking_number: '1Z2' })] });
  });
});
