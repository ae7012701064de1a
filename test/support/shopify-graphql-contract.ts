import { createHash } from 'node:crypto';
import { SHOPIFY_ADMIN_API_VERSION, adminGraphqlUrl, toShopifyError, type ShopifyClient } from '@shopsync/shopify-client';

// ONE contract battery for the Admin GraphQL API as the engine uses it (STYLE C8): run with the real
// client against the simulator and, when credentials are given, against a real dev store. On a real
// store only read-only or self-cleaning operations run; writes are checked against the simulator.

export interface ContractTarget {
  readonly client: ShopifyClient;
  /** What the client was built with, for raw requests (error shapes, wrong token). */
  readonly shop: string;
  readonly accessToken: string;
  /** Waits between bulk polls: fake on the simulator, real on a dev store. */
  readonly sleep: (ms: number) => Promise<void>;
  /** A webhook endpoint that may be registered (HTTPS on a real store). */
  readonly webhookUri: string;
  close(): Promise<void>;
}

export interface RawReply {
  status: number;
  apiVersion: string | null;
  json: unknown;
}

async function rawPost(target: ContractTarget, body: unknown, token = target.accessToken): Promise<RawReply> {
  const response = await fetch(adminGraphqlUrl(target.shop, SHOPIFY_ADMIN_API_VERSION), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify(body),
  });
  return { status: response.status, apiVersion: response.headers.get('x-shopify-api-version'), json: await response.json() };
}

const GID = /^gid:\/\/shopify\/[A-Za-z]+\/\d+/;
const DAY = 24 * 60 * 60 * 1000;

export interface ContractOptions {
  /** The shop's clock, for "updated since" windows. */
  readonly now: () => Date;
  /** Writes (inventory, fulfillment) run only where nothing real can be damaged: the simulator. */
  readonly writes: boolean;
}

export function shopifyGraphqlContract(label: string, open: () => Promise<ContractTarget>, { now, writes }: ContractOptions): void {
  describe(`Shopify Admin GraphQL contract: ${label}`, () => {
    let target: ContractTarget;
    beforeAll(async () => {
      target = await open();
    });
    afterAll(async () => {
      await target?.close();
    });
    const since = () => new Date(now().getTime() - 30 * DAY).toISOString();
    const writeIt = (name: string, fn: () => Promise<void>) => (writes ? it(name, fn) : it.skip(`${name} (not run on a real store: it writes)`, fn));

    it('serves the pinned version and reports the cost bucket the client then sizes itself from', async () => {
      const shop = await target.client.shop();
      expect(shop.id).toMatch(GID);
      expect(shop.myshopifyDomain).toMatch(/\.myshopify\.com$/);
      expect(target.client.graphql.availablePoints()).toBeGreaterThan(0);
      const reply = await rawPost(target, { query: '{ shop { id } }' });
      expect(reply.apiVersion).toBe(SHOPIFY_ADMIN_API_VERSION);
      expect(reply.json).toMatchObject({ extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: expect.any(Number), currentlyAvailable: expect.any(Number), restoreRate: expect.any(Number) } } } });
    });

    it('rejects a field Shopify lacks with an undefinedField error, and a wrong token with 401', async () => {
      const invalid = await rawPost(target, { query: '{ shop { id nameOfTheShop } }' });
      expect(invalid.status).toBe(200);
      expect(invalid.json).toEqual({
        errors: [{ message: "Field 'nameOfTheShop' doesn't exist on type 'Shop'", locations: [{ line: 1, column: 13 }], path: ['query', 'shop', 'nameOfTheShop'], extensions: { code: 'undefinedField', typeName: 'Shop', fieldName: 'nameOfTheShop' } }],
      });
      const denied = await rawPost(target, { query: '{ shop { id } }' }, 'shpat_wrong_token');
      expect(denied).toMatchObject({ status: 401, json: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } });
    });

    it('rejects a syntax error with PARSE_ERROR and a non-GID id with INVALID_VARIABLE, which the client reports as such', async () => {
      const broken = await rawPost(target, { query: '{ shop { id }' });
      expect(broken).toMatchObject({ status: 200, json: { errors: [{ message: 'syntax error, unexpected end of file at [1, 13]', locations: [{ line: 1, column: 13 }], extensions: { code: 'PARSE_ERROR' } }] } });
      expect(broken.json).not.toHaveProperty('data');
      expect(toShopifyError({ kind: 'graphql', body: broken.json })).toMatchObject({ code: 'shopify.invalid_query', category: 'internal', retryable: false });
      const bareId = await rawPost(target, { query: 'query OrderId($id: ID!) { order(id: $id) { id } }', variables: { id: '12345' } });
      expect(bareId).toMatchObject({
        status: 200,
        json: { errors: [{ message: 'Variable $id of type ID! was provided invalid value', extensions: { code: 'INVALID_VARIABLE', value: '12345', problems: [{ path: [], explanation: "Invalid global id '12345'" }] } }] },
      });
      await expect(target.client.orders.get('12345')).rejects.toMatchObject({ code: 'shopify.invalid_variables', retryable: false, details: { graphqlCodes: ['INVALID_VARIABLE'] } });
    });

    it('lists locations with GID string ids', async () => {
      const locations = await target.client.locations.list();
      expect(locations.length).toBeGreaterThan(0);
      for (const l of locations) expect(l).toMatchObject({ id: expect.stringMatching(GID), legacyResourceId: expect.stringMatching(/^\d+$/), isActive: true });
    });

    it('pages orders updated since a point in time, oldest change first, without overlap', async () => {
      const first = await target.client.orders.updatedSince({ since: since(), first: 2 });
      const ids = first.nodes.map((o) => o.id);
      if (first.pageInfo.hasNextPage) {
        const second = await target.client.orders.updatedSince({ since: since(), first: 2, after: first.pageInfo.endCursor });
        for (const o of second.nodes) expect(ids).not.toContain(o.id);
        ids.push(...second.nodes.map((o) => o.id));
        const all = [...first.nodes, ...second.nodes].map((o) => Date.parse(o.updatedAt));
        expect(all).toEqual([...all].sort((a, b) => a - b));
      }
      for (const id of ids) expect(id).toMatch(GID);
      if (writes) expect(ids.length).toBeGreaterThanOrEqual(3);
    });

    it('reads an order with every line item, its transactions and its fulfillment orders', async () => {
      const [summary] = (await target.client.orders.updatedSince({ since: since(), first: 1 })).nodes;
      if (!summary) return;
      const order = await target.client.orders.get(summary.id);
      expect(order).toMatchObject({ id: summary.id, name: summary.name, totalPriceSet: { shopMoney: { amount: expect.stringMatching(/^\d+\.\d+$/), currencyCode: expect.any(String) } } });
      for (const line of order?.lineItems ?? []) expect(line).toMatchObject({ id: expect.stringMatching(GID), quantity: expect.any(Number) });
      expect(Array.isArray(order?.transactions)).toBe(true);
      for (const fo of order?.fulfillmentOrders ?? []) for (const item of fo.lineItems.nodes) expect(order?.lineItems.map((l) => l.id)).toContain(item.lineItem.id);
      expect(await target.client.orders.get('gid://shopify/Order/1')).toBeNull();
    });

    it('lists customers with the 2025-04+ default email and phone objects', async () => {
      const page = await target.client.customers.list({ first: 5 });
      for (const c of page.nodes) expect(c).toMatchObject({ id: expect.stringMatching(GID), legacyResourceId: expect.stringMatching(/^\d+$/) });
      if (writes) expect(page.nodes[0]?.defaultEmailAddress?.emailAddress).toMatch(/@/);
    });

    it('finds variants and inventory items by SKU, and their named quantities per location', async () => {
      const known = writes ? ['SKU-1001', 'SKU-1002'] : [];
      const found = await target.client.variants.bySku([...known, 'shopsync-contract-no-such-sku']);
      expect(found.get('shopsync-contract-no-such-sku')).toEqual([]);
      const items = known.flatMap((sku) => found.get(sku) ?? []).map((v) => v.inventoryItem.id);
      expect(items).toHaveLength(known.length);
      if (items.length === 0) return;
      const levels = await target.client.inventory.levels({ inventoryItemIds: items, names: ['available', 'on_hand', 'committed'] });
      expect(levels.map((l) => l.id)).toEqual(items);
      for (const level of levels.flatMap((i) => i.inventoryLevels.nodes)) expect(level.quantities.map((q) => q.name)).toEqual(['available', 'on_hand', 'committed']);
    });

    it('creates, lists and deletes a webhook subscription (self-cleaning)', async () => {
      const uri = `${target.webhookUri}?run=${createHash('sha256').update(String(now().getTime())).digest('hex').slice(0, 8)}`;
      const created = await target.client.webhooks.create({ topic: 'inventory_levels/update', uri });
      try {
        expect(created).toMatchObject({ id: expect.stringMatching(GID), topic: 'INVENTORY_LEVELS_UPDATE', uri, format: 'JSON' });
        await expect(target.client.webhooks.create({ topic: 'inventory_levels/update', uri })).rejects.toMatchObject({ code: 'shopify.user_error', category: 'validation' });
        const listed = await target.client.webhooks.list({ topics: ['inventory_levels/update'] });
        expect(listed.map((s) => s.id)).toContain(created.id);
      } finally {
        expect(await target.client.webhooks.delete(created.id)).toBe(created.id);
      }
      expect((await target.client.webhooks.list()).map((s) => s.id)).not.toContain(created.id);
    });

    it('runs a bulk query, polls it to completion and streams the JSONL result', async () => {
      const started = await target.client.bulk.ordersBackfill(since());
      expect(started).toMatchObject({ id: expect.stringMatching(GID), status: 'CREATED' });
      const done = await target.client.bulk.wait(started.id, { sleep: target.sleep, pollIntervalMs: 1000, maxPolls: 120 });
      expect(done.status).toBe('COMPLETED');
      if (done.url === null) return expect(done.objectCount).toBe('0');
      const records = [];
      for await (const record of target.client.bulk.stream(done.url)) records.push(record);
      expect(String(records.length)).toBe(done.objectCount);
      const roots = records.filter((r) => r.__parentId === undefined);
      expect(String(roots.length)).toBe(done.rootObjectCount);
      const rootIds = new Set(roots.map((r) => r.id));
      for (const child of records.filter((r) => r.__parentId !== undefined)) expect(rootIds).toContain(child.__parentId);
    });

    writeIt('sets inventory with compare-and-set and idempotency: a replay returns the first result, a stale quantity is refused', async () => {
      const [variant] = (await target.client.variants.bySku(['SKU-1005'])).get('SKU-1005') ?? [];
      const [location] = await target.client.locations.list();
      if (!variant || !location) throw new Error('simulator has no SKU-1005 or no location');
      const [item] = await target.client.inventory.levels({ inventoryItemIds: [variant.inventoryItem.id], names: ['available'] });
      const current = item?.inventoryLevels.nodes.find((l) => l.location.id === location.id)?.quantities[0]?.quantity ?? 0;
      const input = { name: 'available' as const, reason: 'correction' as const, idempotencyKey: 'contract-set-1', quantities: [{ inventoryItemId: variant.inventoryItem.id, locationId: location.id, quantity: current + 7, changeFromQuantity: current }] };
      const [group] = await target.client.inventory.setQuantities(input);
      expect(group?.changes.map((c) => [c.name, c.delta])).toEqual([['available', 7], ['on_hand', 7]]);
      const [replayed] = await target.client.inventory.setQuantities(input);
      expect(replayed?.id).toBe(group?.id);
      await expect(target.client.inventory.setQuantities({ ...input, idempotencyKey: 'contract-set-2' })).rejects.toMatchObject({ code: 'shopify.user_error.change_from_quantity_stale', category: 'conflict', retryable: true });
      const after = await target.client.inventory.levels({ inventoryItemIds: [variant.inventoryItem.id], names: ['available'] });
      expect(after[0]?.inventoryLevels.nodes.find((l) => l.location.id === location.id)?.quantities[0]?.quantity).toBe(current + 7);
    });

    writeIt('splits more than 250 quantities into several idempotent mutations', async () => {
      const [location] = await target.client.locations.list();
      const found = await target.client.variants.bySku(['SKU-1006']);
      const itemId = found.get('SKU-1006')?.[0]?.inventoryItem.id;
      if (!location || !itemId) throw new Error('simulator has no SKU-1006');
      // The same level 251 times is refused as a duplicate pair: Shopify checks each batch alone,
      // so the batching shows as two mutations, the second of which has one quantity.
      const quantities = Array.from({ length: 251 }, () => ({ inventoryItemId: itemId, locationId: location.id, quantity: 3, changeFromQuantity: null }));
      await expect(target.client.inventory.setQuantities({ name: 'available', reason: 'correction', idempotencyKey: 'contract-batch', quantities })).rejects.toMatchObject({
        code: 'shopify.user_error.no_duplicate_inventory_item_id_group_id_pair',
        details: { batch: 1, batches: 2 },
      });
    });

    writeIt('fulfils order lines with tracking, capped at what remains to fulfil', async () => {
      const [summary] = (await target.client.orders.updatedSince({ since: since(), first: 50 })).nodes.filter((o) => o.displayFulfillmentStatus === 'UNFULFILLED' && o.cancelledAt === null);
      const order = summary ? await target.client.orders.get(summary.id) : null;
      const line = order?.lineItems[0];
      if (!order || !line) throw new Error('simulator has no open order');
      const result = await target.client.fulfillments.create({ orderId: order.id, lines: [{ lineItemId: line.id, quantity: line.quantity + 5 }], tracking: { company: 'UPS', number: '1Z999', url: 'https://ups.example/1Z999' } });
      expect(result.shortfalls).toEqual([{ lineItemId: line.id, requested: line.quantity + 5, planned: line.quantity }]);
      expect(result.fulfillments).toEqual([expect.objectContaining({ status: 'SUCCESS', trackingInfo: [{ company: 'UPS', number: '1Z999', url: 'https://ups.example/1Z999' }] })]);
      const again = await target.client.fulfillments.create({ orderId: order.id, lines: [{ lineItemId: line.id, quantity: 1 }] });
      expect(again).toEqual({ fulfillments: [], shortfalls: [{ lineItemId: line.id, requested: 1, planned: 0 }] });
    });
  });
}
