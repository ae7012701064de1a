import fc from 'fast-check';
import { formatResourceKey, parseResourceKey, resourceKeyOf, resourceOf, type ResourceKey } from '@shopsync/core';
import { SHOP, simulatedOrder } from './support/order-fixtures';

// The inbox stores resource keys as text, and existing databases hold that text: the format is a
// contract, and the runner reads a key back (latest-state.ts) only through parseResourceKey.

describe('a resource key is a value with one text form', () => {
  test('its text is exactly what the inbox has always stored', () => {
    expect(formatResourceKey({ shop: SHOP, kind: 'order', id: '820982911946154508' })).toBe(`${SHOP}/order/820982911946154508`);
    expect(formatResourceKey({ shop: SHOP, kind: 'customer', id: '706405506930370084' })).toBe(`${SHOP}/customer/706405506930370084`);
    expect(formatResourceKey({ shop: SHOP, kind: 'topic', id: 'orders/delete' })).toBe(`${SHOP}/topic/orders/delete`);
  });

  test('the key of an order event is its order; of an unreadable payload, its topic', () => {
    const order = simulatedOrder();
    const orderId = String(order.admin_graphql_api_id).split('/').pop();
    expect(resourceOf(SHOP, 'orders/paid', order)).toEqual({ shop: SHOP, kind: 'order', id: orderId });
    expect(resourceKeyOf(SHOP, 'orders/paid', order)).toBe(`${SHOP}/order/${orderId}`);
    expect(resourceKeyOf(SHOP, 'orders/paid', 'not json')).toBe(`${SHOP}/topic/orders/paid`);
  });

  test('reading the stored text gives the key back, topics with their slash included', () => {
    expect(parseResourceKey(`${SHOP}/order/820982911946154508`)).toEqual({ shop: SHOP, kind: 'order', id: '820982911946154508' });
    expect(parseResourceKey(`${SHOP}/topic/order_transactions/create`)).toEqual({ shop: SHOP, kind: 'topic', id: 'order_transactions/create' });
  });

  test('text no key was formatted to is not a key', () => {
    for (const text of ['', 'k', 'r/1', `${SHOP}/order/`, `/order/1`, `${SHOP}//1`]) expect(parseResourceKey(text)).toBeNull();
  });

  test('round trip: any key reads back as itself, and any key text formats back to itself (fast-check)', () => {
    const segment = fc.string({ minLength: 1 }).filter((text) => !text.includes('/'));
    const key = fc.record({ shop: segment, kind: segment, id: fc.string({ minLength: 1 }) });
    fc.assert(fc.property(key, (value: ResourceKey) => expect(parseResourceKey(formatResourceKey(value))).toEqual(value)));
    // Texts with slashes in them (empty segments too), so that many parse, not only fc.string()'s rare ones.
    const slashy = fc.array(fc.oneof(fc.constant(''), fc.string({ minLength: 1 })), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    let keys = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string(), slashy, key.map(formatResourceKey)), (text) => {
        const parsed = parseResourceKey(text);
        if (parsed === null) return;
        keys += 1;
        expect(formatResourceKey(parsed)).toBe(text);
      }),
    );
    expect(keys).toBeGreaterThan(0);
  });
});
