import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startWebhookReceiver, type WebhookReceiver } from './support/shopify-webhook-receiver';
import { fakeTime } from './support/shopify-graphql-time';

// Inventory in the simulator: levels per location, stock committed by orders and shipped by
// fulfilments, inventorySetQuantities with @idempotent and changeFromQuantity (notes §3), and
// inventory_levels/update webhooks through the existing dispatcher.

const SECRET = 'inventory-secret';
const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason changes { name delta item { sku } location { name } } }
    userErrors { field message code }
  }
}`;

let sim: ShopifySimulator;
let receiver: WebhookReceiver;
let itemId: string;
let locationId: string;

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sim = createShopifySimulator({ seed: 8, now: fakeTime().now, webhookSecret: SECRET, timeScale: 1e6 });
  sim.webhooks.subscribe({ topic: 'inventory_levels/update', address: receiver.url });
  const item = sim.shop.inventory.itemBySku('SKU-1007');
  if (!item) throw new Error('catalogue without SKU-1007');
  itemId = `gid://shopify/InventoryItem/${item.id}`;
  locationId = `gid://shopify/Location/${sim.shop.inventory.primaryLocation().id}`;
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const quantity = (q: number, changeFrom: number | null) => ({ inventoryItemId: itemId, locationId, quantity: q, changeFromQuantity: changeFrom });
const setInput = (q: number, changeFrom: number | null) => ({ name: 'available', reason: 'correction', referenceDocumentUri: 'gid://shopsync/StockEntry/1', quantities: [quantity(q, changeFrom)] });
const set = (input: unknown, key: string) => sim.graphql.execute({ query: SET, variables: { input, key } });
const payloadOf = (reply: { body: unknown }) => (reply.body as { data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: string } | null; userErrors: { code: string; message: string }[] } } }).data.inventorySetQuantities;

describe('inventorySetQuantities', () => {
  it('sets available with compare-and-set, mirrors on_hand, and fires one inventory_levels/update', async () => {
    const reply = await set(setInput(140, 100), 'k1');
    expect(payloadOf(reply)).toEqual({
      inventoryAdjustmentGroup: { id: expect.stringMatching(/^gid:\/\/shopify\/InventoryAdjustmentGroup\/\d+$/), reason: 'correction', changes: [{ name: 'available', delta: 40, item: { sku: 'SKU-1007' }, location: { name: 'Shop location' } }, { name: 'on_hand', delta: 40, item: { sku: 'SKU-1007' }, location: { name: 'Shop location' } }] },
      userErrors: [],
    });
    expect(sim.driver.getInventory('SKU-1007').quantities).toMatchObject({ available: 140, on_hand: 140 });
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]?.rawBody.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['admin_graphql_api_id', 'available', 'inventory_item_id', 'location_id', 'updated_at']);
    expect(body).toMatchObject({ available: 140, admin_graphql_api_id: `${locationId.replace('Location', 'InventoryLevel')}?inventory_item_id=${itemId.split('/').pop()}` });
    expect(receiver.received[0]).toMatchObject({ hmacValid: true, headers: { 'x-shopify-topic': 'inventory_levels/update' } });
  });

  it('returns the first result for the same key and input, without applying it twice', async () => {
    const first = payloadOf(await set(setInput(120, 100), 'same-key'));
    const again = payloadOf(await set(setInput(120, 100), 'same-key'));
    expect(again.inventoryAdjustmentGroup?.id).toBe(first.inventoryAdjustmentGroup?.id);
    expect(sim.driver.getInventory('SKU-1007').quantities.available).toBe(120);
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(1);
    expect(payloadOf(await set(setInput(130, 120), 'same-key')).userErrors).toEqual([{ field: null, message: 'The same idempotency key cannot be used with different operation parameters.', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' }]);
  });

  it('refuses a concurrent request with the same key while the first is still running', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    sim.graphql.setWriteGate(() => gate);
    const running = set(setInput(90, 100), 'busy');
    const concurrent = payloadOf(await set(setInput(90, 100), 'busy'));
    expect(concurrent).toEqual({ inventoryAdjustmentGroup: null, userErrors: [{ field: null, message: 'This request is currently in progress, please try again.', code: 'IDEMPOTENCY_CONCURRENT_REQUEST' }] });
    open();
    expect(payloadOf(await running).inventoryAdjustmentGroup).not.toBeNull();
    sim.graphql.setWriteGate(null);
    expect(payloadOf(await set(setInput(90, 100), 'busy')).inventoryAdjustmentGroup).not.toBeNull();
    expect(sim.driver.getInventory('SKU-1007').quantities.available).toBe(90);
  });

  it('rejects a stale changeFromQuantity whole, and then the key is spent', async () => {
    sim.driver.changeInventory({ sku: 'SKU-1007', delta: -3 });
    const stale = payloadOf(await set(setInput(50, 100), 'stale-key'));
    expect(stale).toEqual({ inventoryAdjustmentGroup: null, userErrors: [{ field: ['input', 'quantities', '0', 'changeFromQuantity'], message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' }] });
    expect(sim.driver.getInventory('SKU-1007').quantities.available).toBe(97);
    expect(payloadOf(await set(setInput(50, 100), 'stale-key')).userErrors[0]?.code).toBe('IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED');
    expect(payloadOf(await set(setInput(50, 97), 'fresh-key')).userErrors).toEqual([]);
    expect(payloadOf(await set(setInput(60, null), 'no-check')).userErrors).toEqual([]);
  });

  it('validates names, reasons, items and duplicate pairs with Shopify\'s codes', async () => {
    const codes = async (input: object) => payloadOf(await set({ ...setInput(1, null), ...input }, JSON.stringify(input))).userErrors.map((e) => e.code);
    expect(await codes({ name: 'committed' })).toEqual(['INVALID_NAME']);
    expect(await codes({ reason: 'because' })).toEqual(['INVALID_REASON']);
    expect(await codes({ quantities: [{ ...quantity(1, null), inventoryItemId: 'gid://shopify/InventoryItem/1' }] })).toEqual(['INVALID_INVENTORY_ITEM']);
    expect(await codes({ quantities: [quantity(1, null), quantity(2, null)] })).toEqual(['NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR']);
    expect(await codes({ name: 'on_hand', quantities: [quantity(-1, null)] })).toEqual(['INVALID_QUANTITY_NEGATIVE']);
  });

  it('requires @idempotent and changeFromQuantity (2026-04+) and rejects removed fields, in Shopify\'s shapes', async () => {
    const noDirective = await sim.graphql.execute({ query: 'mutation($input: InventorySetQuantitiesInput!) {\n  inventorySetQuantities(input: $input) { userErrors { code } }\n}', variables: { input: setInput(1, null) } });
    expect(noDirective.body).toMatchObject({
      errors: [{ message: 'The @idempotent directive is required for this mutation but was not provided.', locations: [{ line: 2, column: 3 }], extensions: { code: 'BAD_REQUEST' }, path: ['inventorySetQuantities'] }],
      data: { inventorySetQuantities: null },
      extensions: { cost: { requestedQueryCost: 10 } },
    });
    const { changeFromQuantity: _omitted, ...withoutChangeFrom } = quantity(1, null);
    const missing = await set({ ...setInput(1, null), quantities: [withoutChangeFrom] }, 'missing');
    expect(missing.body).toMatchObject({ errors: [{ message: 'InventoryQuantityInput must include the following argument: changeFromQuantity.', extensions: { code: 'INVALID_FIELD_ARGUMENTS' } }], data: { inventorySetQuantities: null } });
    const legacy = await set({ ...setInput(1, null), ignoreCompareQuantity: true }, 'legacy');
    expect(legacy.body).toEqual({
      errors: [{
        message: 'Variable $input of type InventorySetQuantitiesInput! was provided invalid value for ignoreCompareQuantity (Field is not defined on InventorySetQuantitiesInput)',
        locations: [{ line: 1, column: 14 }],
        extensions: { code: 'INVALID_VARIABLE', value: { ...setInput(1, null), ignoreCompareQuantity: true }, problems: [{ path: ['ignoreCompareQuantity'], explanation: 'Field is not defined on InventorySetQuantitiesInput' }] },
      }],
    });
  });
});

describe('stock and orders', () => {
  it('commits stock when an order is placed, releases it on cancel and ships it on fulfilment, with webhooks for available', async () => {
    const start = sim.driver.getInventory('SKU-1007').quantities;
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1007', quantity: 4 }] });
    expect(sim.driver.getInventory('SKU-1007').quantities).toMatchObject({ available: start.available - 4, committed: 4, on_hand: start.on_hand });
    sim.driver.fulfilOrder(order.id, { lines: [{ sku: 'SKU-1007', quantity: 1 }], tracking: { company: 'UPS', number: '1Z1' } });
    expect(sim.driver.getInventory('SKU-1007').quantities).toMatchObject({ available: start.available - 4, committed: 3, on_hand: start.on_hand - 1 });
    sim.driver.cancelOrder(order.id);
    expect(sim.driver.getInventory('SKU-1007').quantities).toMatchObject({ available: start.available - 1, committed: 0, on_hand: start.on_hand - 1 });
    await sim.webhooks.drain();
    expect(receiver.received.map((r) => (JSON.parse(r.rawBody.toString('utf8')) as { available: number }).available)).toEqual([start.available - 4, start.available - 1]);
  });

  it('changes stock at any location through the driver', async () => {
    const warehouse = [...sim.shop.inventory.locations.values()].find((l) => l.name === 'East Warehouse');
    const level = sim.driver.changeInventory({ sku: 'SKU-1007', locationId: warehouse?.id, set: 25 });
    expect(level).toMatchObject({ location_id: warehouse?.id, available: 25, quantities: { available: 25, on_hand: 25 } });
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(1);
  });
});
