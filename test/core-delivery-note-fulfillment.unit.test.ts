import { fulfillmentOfDeliveryNote, unbookedUnits, unsentLines, type DeliveryNoteDoc, type SalesOrderLinks, type ShopifyOrder } from '@shopsync/core';

const SHOP = 'demo.myshopify.com';

/** A note as make_delivery_note leaves it: no header order id, rows naming their Sales Order and line. */
const note = (extra: Partial<DeliveryNoteDoc> = {}): DeliveryNoteDoc => ({
  name: 'MAT-DN-2026-00001',
  docstatus: 1,
  lr_no: 'TRACK-1',
  transporter_name: 'Sample Supplier',
  items: [
    { item_code: 'SKU-1', qty: 2, shopify_line_item_id: '111', so_detail: 'r1', against_sales_order: 'SO-1' },
    { item_code: 'SKU-2', qty: 1, shopify_line_item_id: null, so_detail: 'r2', against_sales_order: 'SO-1' },
  ],
  ...extra,
});

const links = (orders: Record<string, { shopifyOrderId: string | null; shop: string | null }>, lineIds: Record<string, string> = { r2: '222' }): SalesOrderLinks => ({
  orders: new Map(Object.entries(orders)),
  lineIds: new Map(Object.entries(lineIds)),
});

const BOOKED = { 'SO-1': { shopifyOrderId: '5001', shop: SHOP } };

describe('a Delivery Note’s Shopify order and lines', () => {
  test('a note without a header order id finds it through its rows’ Sales Order; a row without a line id through so_detail', () => {
    expect(fulfillmentOfDeliveryNote(note(), links(BOOKED), SHOP)).toEqual({
      kind: 'fulfil',
      request: {
        orderId: '5001',
        lines: [
          { lineItemId: '111', quantity: 2 },
          { lineItemId: '222', quantity: 1 },
        ],
        tracking: { number: 'TRACK-1', company: 'Sample Supplier' },
        unmatched: [],
      },
    });
  });

  test('the header’s own order id wins (shopsync’s own notes carry one)', () => {
    const decision = fulfillmentOfDeliveryNote(note({ shopify_order_id: '7007', shopify_shop: SHOP }), links({}), SHOP);
    expect(decision.kind === 'fulfil' && decision.request.orderId).toBe('7007');
  });

  test('a note of a Sales Order made by hand is not a Shopify order’s', () => {
    expect(fulfillmentOfDeliveryNote(note(), links({ 'SO-1': { shopifyOrderId: null, shop: null } }), SHOP)).toEqual({
      kind: 'skip',
      reason: 'Delivery Note MAT-DN-2026-00001 is not for a Shopify order (no Sales Order of it was booked by shopsync)',
    });
    const noRows = note({ items: [{ item_code: 'SKU-1', qty: 1 }] });
    expect(fulfillmentOfDeliveryNote(noRows, links({}), SHOP).kind).toBe('skip');
  });

  test('a note spanning two Shopify orders is not guessed at; an order of another shop is that shop’s', () => {
    const two = note({ items: [...note().items, { item_code: 'SKU-3', qty: 1, shopify_line_item_id: '333', against_sales_order: 'SO-2' }] });
    expect(fulfillmentOfDeliveryNote(two, links({ ...BOOKED, 'SO-2': { shopifyOrderId: '5002', shop: SHOP } }), SHOP)).toEqual({
      kind: 'skip',
      reason: 'Delivery Note MAT-DN-2026-00001 ships several Shopify orders (5001, 5002): one fulfillment belongs to one order',
    });
    expect(fulfillmentOfDeliveryNote(note(), links({ 'SO-1': { shopifyOrderId: '5001', shop: 'other.myshopify.com' } }), SHOP)).toEqual({
      kind: 'skip',
      reason: `Delivery Note MAT-DN-2026-00001 ships an order of other.myshopify.com, not of ${SHOP}`,
    });
  });

  test('a row of a hand-made Sales Order in a Shopify order’s note is named unmatched, not sent', () => {
    const mixed = note({ items: [note().items[0]!, { item_code: 'SKU-9', qty: 4, so_detail: 'h1', against_sales_order: 'SO-HAND' }] });
    const decision = fulfillmentOfDeliveryNote(mixed, links({ ...BOOKED, 'SO-HAND': { shopifyOrderId: null, shop: null } }), SHOP);
    expect(decision.kind === 'fulfil' && [decision.request.lines, decision.request.unmatched]).toEqual([[{ lineItemId: '111', quantity: 2 }], ['SKU-9']]);
  });

  test('cancelled, draft and return notes are no shipment', () => {
    expect(fulfillmentOfDeliveryNote(note({ docstatus: 2 }), links(BOOKED), SHOP)).toEqual({ kind: 'cancelled' });
    expect(fulfillmentOfDeliveryNote(note({ docstatus: 0 }), links(BOOKED), SHOP).kind).toBe('skip');
    expect(fulfillmentOfDeliveryNote(note({ is_return: 1 }), links(BOOKED), SHOP).kind).toBe('skip');
  });
});

describe('after a send whose answer was lost', () => {
  const lines = [
    { lineItemId: 'L1', quantity: 2 },
    { lineItemId: 'L2', quantity: 3 },
  ];

  test('what left a line since the send counts as sent, at most what was asked; only the rest is sent again', () => {
    // L1 went through (5 → 3); L2's location never got its call (4 → 4).
    expect(unsentLines(lines, { L1: 5, L2: 4 }, new Map([['L1', 3], ['L2', 4]]))).toEqual([{ lineItemId: 'L2', quantity: 3 }]);
    // A partial note (2 of 3) that went through leaves 1: that unit is not shipped with it.
    expect(unsentLines([{ lineItemId: 'L1', quantity: 2 }], { L1: 3 }, new Map([['L1', 1]]))).toEqual([]);
    // Fulfilled by hand meanwhile, beyond what was asked: nothing more is sent either.
    expect(unsentLines(lines, { L1: 5, L2: 4 }, new Map([['L1', 0], ['L2', 0]]))).toEqual([]);
  });

  test('nothing left a line: all of it is sent again; a line the send did not record counts as unsent', () => {
    expect(unsentLines(lines, { L1: 5, L2: 4 }, new Map([['L1', 5], ['L2', 4]]))).toEqual(lines);
    expect(unsentLines(lines, {}, new Map([['L1', 5]]))).toEqual(lines);
    // One unit left of the two asked: one more to send.
    expect(unsentLines([{ lineItemId: 'L1', quantity: 2 }], { L1: 5 }, new Map([['L1', 4]]))).toEqual([{ lineItemId: 'L1', quantity: 1 }]);
  });
});

describe('the oversell guard’s units', () => {
  const line = (sku: string, currentQuantity: number) => ({ sku, currentQuantity, giftCard: false }) as unknown as ShopifyOrder['lineItems'][number];
  const order = (locationId: string | null, lines: ShopifyOrder['lineItems']) => ({ locationId, lineItems: lines, cancelledAt: null }) as unknown as ShopifyOrder;

  test('count at the location the default warehouse is an extra stock warehouse of', () => {
    const units = unbookedUnits([order(null, [line('SKU-1', 3)])], { '77': 'Finished Goods - SD' }, 'Stores - SD', { '77': ['Stores - SD'] });
    expect([...units].map(([location, bySku]) => [location, [...bySku]])).toEqual([['77', [['SKU-1', 3]]]]);
  });

  test('a warehouse that is one location’s own counts there, even when another lists it as an extra', () => {
    const units = unbookedUnits([order(null, [line('SKU-1', 2)])], { '77': 'Stores - SD', '88': 'Shop Floor - SD' }, 'Stores - SD', { '88': ['Stores - SD'] });
    expect([...units.keys()]).toEqual(['77']);
    // Mapped nowhere: the units count nowhere (that warehouse's stock is not pushed either).
    expect(unbookedUnits([order(null, [line('SKU-1', 2)])], { '77': 'Finished Goods - SD' }, 'Stores - SD').size).toBe(0);
  });
});
