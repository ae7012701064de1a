import type { NewDelivery, Store } from '@shopsync/runner';
import { T0, at, type MakeStore } from './contract-steps';

const SHOP = 'shop.myshopify.com';

function orderEvent(webhookId: string, orderId: number, skus: readonly string[], topic = 'orders/create'): NewDelivery {
  const payload = JSON.stringify({ id: orderId, name: `#${orderId}`, line_items: skus.map((sku, index) => ({ id: index + 1, sku, quantity: 1 })) });
  return { shop: SHOP, webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: `${SHOP}/order/${orderId}`, payload, payloadHash: webhookId };
}

/** StockPort: the ledger tail's cursor commits with its events, the echo ledger, the oversell guard's orders. */
export function stockContract(makeStore: MakeStore): void {
  describe('StockPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());

    test('a shop starts with no cursor; a read stores its events and its cursor, and a re-read event is a duplicate', async () => {
      expect(await store.stockCursor(SHOP)).toEqual({ creation: null, seen: [] });
      const event = { ...orderEvent('sle:SLE-1:1', 1, []), topic: 'stock/changed', resourceKey: `${SHOP}/stock/location-1` };
      const cursor = { creation: '2026-12-05 10:00:00.000000', seen: [{ name: 'SLE-1', creation: '2026-12-05 10:00:00.000000' }] };
      expect(await store.enqueueStockRead(SHOP, [event], cursor, T0)).toEqual([{ inboxId: 1, duplicate: false }]);
      expect(await store.stockCursor(SHOP)).toEqual(cursor);
      expect(await store.enqueueStockRead(SHOP, [event], cursor, T0)).toEqual([{ inboxId: 1, duplicate: true }]);
      // Another key (the Bins' cursor) is a cursor of its own.
      expect(await store.stockCursor(`${SHOP}#bins`)).toEqual({ creation: null, seen: [] });
    });

    test('the echo ledger answers pushes of one level since a time, newest first', async () => {
      await store.recordStockPushes(SHOP, [{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: '7', quantity: 5 }], 1, T0);
      await store.recordStockPushes(SHOP, [{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: '7', quantity: 9 }, { inventoryItemId: 'gid://shopify/InventoryItem/2', locationId: '7', quantity: 1 }], 2, at(60_000));
      expect(await store.recentStockPushes(SHOP, 'gid://shopify/InventoryItem/1', '7', T0)).toEqual([
        { quantity: 9, at: at(60_000).toISOString() },
        { quantity: 5, at: T0.toISOString() },
      ]);
      expect(await store.recentStockPushes(SHOP, 'gid://shopify/InventoryItem/1', '7', at(30_000))).toEqual([{ quantity: 9, at: at(60_000).toISOString() }]);
      expect(await store.recentStockPushes(SHOP, 'gid://shopify/InventoryItem/1', '8', T0)).toEqual([]);
    });

    test('unbooked orders: open, never applied, no Sales Order recorded, with a line of the asked SKUs; the newest payload per order', async () => {
      await store.acceptDelivery(orderEvent('a1', 1, ['SKU-A']), T0);
      await store.acceptDelivery(orderEvent('a2', 1, ['SKU-A', 'SKU-B'], 'orders/updated'), T0);
      await store.acceptDelivery(orderEvent('b1', 2, ['SKU-B']), T0);
      await store.acceptDelivery(orderEvent('c1', 3, ['SKU-A']), T0);
      await store.acceptDelivery(orderEvent('d1', 4, ['SKU-A']), T0);
      await store.advanceVersion(`${SHOP}/order/3`, '2026-12-05T10:00:00Z', '{}', T0);
      await store.recordOperation('sales-order:4', { doctype: 'Sales Order', name: 'SO-4' }, 5, T0);
      const payloads = (await store.unbookedOrderPayloads(SHOP, ['SKU-A'])).map((text) => JSON.parse(text) as { id: number; line_items: unknown[] });
      expect(payloads.map((order) => [order.id, order.line_items.length])).toEqual([[1, 2]]);
      expect((await store.unbookedOrderPayloads(SHOP, ['SKU-B'])).length).toBe(2);
      expect(await store.unbookedOrderPayloads(SHOP, [])).toEqual([]);
      expect(await store.unbookedOrderPayloads('other.myshopify.com', ['SKU-A'])).toEqual([]);
    });
  });
}
