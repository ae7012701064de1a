import {
  createShopifyDriver,
  createShopifySimulator,
  ShopifySimulatorInputError,
  ShopifyWebhookDispatcher,
  type ShopifyOrderJson,
  type ShopifySimulator,
} from '@shopsync/simulators';
import { driverRoutes, matchRoute } from '../packages/simulators/src/shopify/driver-routes';
import { parseAmountToCents } from '../packages/simulators/src/shopify/money';
import { documentedSample, inferredSchema, keyShapeDiff } from './support/shopify-payload-shape';

// Shopify's "Edit order" in the simulator: units removed from a line, new lines added, the order
// re-priced, and the orders/edited + orders/updated webhooks a receiver gets for it.

const VERSION = '2026-07';
const cents = (amount: string): number => parseAmountToCents(amount);
const sumCents = (amounts: string[]): number => amounts.reduce((total, amount) => total + cents(amount), 0);

let sim: ShopifySimulator;
beforeEach(() => {
  sim = createShopifySimulator({ seed: 9, now: () => new Date('2026-11-27T15:00:00Z') });
  for (const topic of ['orders/edited', 'orders/updated', 'order_transactions/create', 'inventory_levels/update']) sim.webhooks.subscribe({ topic, address: 'http://127.0.0.1:9/never' });
});
afterEach(() => sim.close());

function tenPercentOff(financialStatus: 'pending' | 'authorized' | 'paid') {
  return sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 }, financialStatus });
}

function lineOf(order: ShopifyOrderJson, sku: string) {
  const line = order.line_items.find((candidate) => candidate.sku === sku);
  if (!line) throw new Error(`no ${sku} line`);
  return line;
}

function deliveredBodies(topic: string): { eventId: string; body: Record<string, unknown> }[] {
  return sim.webhooks
    .deliveries()
    .filter((delivery) => delivery.topic === topic)
    .map((delivery) => ({ eventId: delivery.eventId, body: JSON.parse(delivery.body.toString('utf8')) as Record<string, unknown> }));
}

function inputErrorOf(action: () => unknown): { field: string; message: string } {
  try {
    action();
  } catch (err) {
    if (err instanceof ShopifySimulatorInputError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected a ShopifySimulatorInputError');
}

/** Money of an order with no refunds: quantities after edits are the current ones. */
function expectRepricedToTheCent(order: ShopifyOrderJson): void {
  const lineItems = order.line_items.reduce((total, line) => total + cents(line.price) * line.current_quantity, 0);
  const discounts = sumCents(order.line_items.flatMap((line) => line.discount_allocations.map((allocation) => allocation.amount)));
  const tax = sumCents([...order.line_items, ...order.shipping_lines].flatMap((line) => line.tax_lines.map((taxLine) => taxLine.price)));
  const shipping = sumCents(order.shipping_lines.map((line) => line.price));
  expect(cents(order.total_line_items_price)).toBe(lineItems);
  expect(cents(order.total_discounts)).toBe(discounts);
  expect(cents(order.subtotal_price)).toBe(lineItems - discounts);
  expect(cents(order.total_tax)).toBe(tax);
  expect(cents(order.total_price)).toBe(cents(order.subtotal_price) + shipping + cents(order.total_tax));
  expect(order.current_total_price).toBe(order.total_price);
}

describe('removing a unit from a pending order', () => {
  function removeOneShirt() {
    const created = tenPercentOff('pending');
    const shirt = lineOf(created, 'SKU-1001');
    const updated = sim.driver.editOrder(created.id, { removals: [{ lineItemId: shirt.id, quantity: 1 }] });
    return { created, shirt, updated };
  }

  test('sends orders/edited then orders/updated under one event id', () => {
    const { created, shirt, updated } = removeOneShirt();
    const [edited] = deliveredBodies('orders/edited');
    const updates = deliveredBodies('orders/updated');
    expect(updates).toHaveLength(1);
    expect(edited?.eventId).toBe(updates[0]?.eventId);
    expect(updates[0]?.body).toEqual(JSON.parse(JSON.stringify(updated)));
    const body = edited?.body ?? {};
    expect(keyShapeDiff(body, documentedSample(VERSION, 'orders/edited'), inferredSchema(VERSION, 'orders/edited'))).toEqual([]);
    expect(Object.keys(body.order_edit as object)).toEqual(['id', 'app_id', 'created_at', 'committed_at', 'notify_customer', 'order_id', 'staff_note', 'user_id', 'line_items', 'discounts', 'shipping_lines']);
    expect(body.order_edit).toEqual({
      id: expect.any(Number) as number,
      app_id: null,
      created_at: '2026-11-27T10:00:01-05:00',
      committed_at: '2026-11-27T10:00:01-05:00',
      notify_customer: false,
      order_id: created.id,
      staff_note: '',
      user_id: null,
      line_items: { additions: [], removals: [{ id: shirt.id, delta: 1 }] },
      discounts: { line_item: { additions: [], removals: [] } },
      shipping_lines: { additions: [], removals: [] },
    });
    expect(updated.updated_at).toBe('2026-11-27T10:00:01-05:00');
  });

  test('keeps quantity, lowers current_quantity and re-prices the order on what is left, to the cent', () => {
    const { created, updated } = removeOneShirt();
    const shirt = lineOf(updated, 'SKU-1001');
    expect(shirt).toMatchObject({ quantity: 3, current_quantity: 2, fulfillable_quantity: 2 });
    expectRepricedToTheCent(updated);
    // 2 × 19.99 + 49.00 = 88.98; 10 % = 8.90 spread 3.99 / 4.91; tax 6 % of 35.99 and 44.09.
    expect(shirt.discount_allocations.map((allocation) => allocation.amount)).toEqual(['3.99']);
    expect(shirt.tax_lines.map((taxLine) => taxLine.price)).toEqual(['2.16']);
    expect(updated).toMatchObject({ total_line_items_price: '88.98', total_discounts: '8.90', subtotal_price: '80.08', total_tax: '4.81', total_price: '89.89', total_outstanding: '89.89', financial_status: 'pending', total_weight: 2 * 180 + 650 });
    expect(cents(updated.total_price)).toBeLessThan(cents(created.total_price));
  });

  test('a line whose units are all removed carries no discount and no tax', () => {
    const { updated } = removeOneShirt();
    const hoodie = lineOf(updated, 'SKU-1002');
    const after = sim.driver.editOrder(updated.id, { removals: [{ lineItemId: hoodie.id, quantity: 1 }] });
    expect(lineOf(after, 'SKU-1002')).toMatchObject({ quantity: 1, current_quantity: 0, fulfillable_quantity: 0, tax_lines: [], discount_allocations: [] });
    expectRepricedToTheCent(after);
    expect(after.total_line_items_price).toBe('39.98');
  });
});

describe('adding a line', () => {
  test('gives it a new id, lists it in additions and line_items, and prices it from the catalogue or as asked', () => {
    const created = tenPercentOff('pending');
    const updated = sim.driver.editOrder(created.id, { additions: [{ sku: 'SKU-1004', quantity: 2 }, { sku: 'SKU-1010', price: '5.00' }] });
    const mug = lineOf(updated, 'SKU-1004');
    const wrap = lineOf(updated, 'SKU-1010');
    expect(created.line_items.map((line) => line.id)).not.toContain(mug.id);
    expect((deliveredBodies('orders/edited')[0]?.body.order_edit as { line_items: unknown }).line_items).toEqual({ additions: [{ id: mug.id, delta: 2 }, { id: wrap.id, delta: 1 }], removals: [] });
    expect(mug).toMatchObject({ price: '12.75', quantity: 2, current_quantity: 2, fulfillable_quantity: 2, admin_graphql_api_id: `gid://shopify/LineItem/${mug.id}` });
    expect(wrap).toMatchObject({ price: '5.00', quantity: 1 });
    expect(mug.tax_lines).toHaveLength(1);
    expect(mug.discount_allocations).toHaveLength(1);
    expectRepricedToTheCent(updated);
  });

  test('commits the added stock and releases the removed stock, firing inventory_levels/update with the edit', () => {
    const created = tenPercentOff('pending');
    const committed = (sku: string) => sim.driver.getInventory(sku).quantities.committed;
    const before = { shirt: committed('SKU-1001'), mug: committed('SKU-1004') };
    sim.driver.editOrder(created.id, { removals: [{ lineItemId: lineOf(created, 'SKU-1001').id, quantity: 2 }], additions: [{ sku: 'SKU-1004', quantity: 3 }] });
    expect({ shirt: committed('SKU-1001'), mug: committed('SKU-1004') }).toEqual({ shirt: before.shirt - 2, mug: before.mug + 3 });
    const editEvent = deliveredBodies('orders/edited')[0]?.eventId;
    expect(deliveredBodies('inventory_levels/update').filter((delivery) => delivery.eventId === editEvent)).toHaveLength(2);
  });
});

describe('payment after an edit', () => {
  const transactions = () => deliveredBodies('order_transactions/create').map((delivery) => delivery.body as { kind: string; amount: string });

  test.each(['pending', 'authorized'] as const)('an order created %s is paid at its new total', (status) => {
    const created = tenPercentOff(status);
    const edited = sim.driver.editOrder(created.id, { additions: [{ sku: 'SKU-1007' }] });
    expect(edited.financial_status).toBe(status);
    const paid = sim.driver.payOrder(created.id);
    expect(transactions().at(-1)).toMatchObject({ kind: status === 'pending' ? 'sale' : 'capture', amount: edited.total_price });
    expect(paid).toMatchObject({ financial_status: 'paid', total_outstanding: '0.00', total_price: edited.total_price });
  });

  test('a paid order edited upward is partially_paid until the difference is paid', () => {
    const created = tenPercentOff('paid');
    const edited = sim.driver.editOrder(created.id, { additions: [{ sku: 'SKU-1009' }] });
    const difference = cents(edited.total_price) - cents(created.total_price);
    expect(difference).toBeGreaterThan(0);
    expect(edited.financial_status).toBe('partially_paid');
    expect(cents(edited.total_outstanding)).toBe(difference);
    const paid = sim.driver.payOrder(created.id);
    expect(transactions().at(-1)).toMatchObject({ kind: 'sale', amount: edited.total_outstanding });
    expect(paid).toMatchObject({ financial_status: 'paid', total_outstanding: '0.00' });
  });

  test('a paid order edited downward stays paid and shows what the merchant owes as negative outstanding', () => {
    const created = tenPercentOff('paid');
    const edited = sim.driver.editOrder(created.id, { removals: [{ lineItemId: lineOf(created, 'SKU-1002').id, quantity: 1 }] });
    expect(edited.financial_status).toBe('paid');
    expect(cents(edited.total_outstanding)).toBe(cents(edited.total_price) - cents(created.total_price));
    expect(cents(edited.total_outstanding)).toBeLessThan(0);
  });
});

describe('refused edits', () => {
  test('name the offending field and change nothing', () => {
    const created = tenPercentOff('paid');
    const shirt = lineOf(created, 'SKU-1001');
    const before = JSON.stringify(sim.driver.getOrder(created.id));
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { removals: [{ lineItemId: shirt.id, quantity: 4 }] }))).toEqual({ field: 'removals.quantity', message: `cannot remove 4 of line item ${shirt.id} (SKU-1001): 3 removable` });
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { removals: [{ lineItemId: shirt.id, quantity: 2 }, { lineItemId: shirt.id, quantity: 2 }] })).field).toBe('removals.quantity');
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { removals: [{ lineItemId: shirt.id, quantity: 0 }] })).field).toBe('removals.quantity');
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { removals: [{ lineItemId: 1, quantity: 1 }] })).field).toBe('removals.lineItemId');
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { additions: [{ sku: 'NOPE' }] })).field).toBe('additions.sku');
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { additions: [{ sku: 'SKU-1004', quantity: 1.5 }] })).field).toBe('additions.quantity');
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, {})).field).toBe('removals');
    expect(JSON.stringify(sim.driver.getOrder(created.id))).toBe(before);
    expect(deliveredBodies('orders/edited')).toEqual([]);
  });

  test('refunded and fulfilled units cannot be removed, nor can anything on a cancelled order', () => {
    const created = tenPercentOff('paid');
    const shirt = lineOf(created, 'SKU-1001');
    sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    sim.driver.fulfilOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    expect(inputErrorOf(() => sim.driver.editOrder(created.id, { removals: [{ lineItemId: shirt.id, quantity: 2 }] })).message).toMatch(/: 1 removable$/);
    const other = tenPercentOff('pending');
    sim.driver.cancelOrder(other.id);
    expect(inputErrorOf(() => sim.driver.editOrder(other.id, { additions: [{ sku: 'SKU-1004' }] })).field).toBe('id');
  });

  test('the HTTP twin route takes the same body', () => {
    const created = tenPercentOff('pending');
    const dispatcher = new ShopifyWebhookDispatcher({ shopDomain: sim.shop.domain, webhookSecret: 'unused', apiVersion: VERSION, now: sim.shop.now, seed: 1 });
    const routes = driverRoutes(createShopifyDriver(sim.shop, dispatcher), dispatcher);
    const match = matchRoute(routes, 'POST', `/_sim/orders/${created.id}/edit`);
    if (match === null || match === 'method-not-allowed') throw new Error('no edit route');
    const reply = match.handler(match.params, { additions: [{ sku: 'SKU-1004' }] }) as { status: number; body: ShopifyOrderJson };
    expect(reply.status).toBe(200);
    expect(reply.body.line_items.map((line) => line.sku)).toEqual(['SKU-1001', 'SKU-1002', 'SKU-1004']);
    dispatcher.close();
  });
});

describe('refunds and fulfillment after an edit', () => {
  test('current_quantity = quantity − removed − refunded, and removed units cannot be refunded', () => {
    const created = tenPercentOff('paid');
    const edited = sim.driver.editOrder(created.id, { removals: [{ lineItemId: lineOf(created, 'SKU-1001').id, quantity: 1 }] });
    const refunded = sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    expect(lineOf(refunded, 'SKU-1001')).toMatchObject({ quantity: 3, current_quantity: 1 });
    const shirt = lineOf(edited, 'SKU-1001');
    // The line's discount and tax now describe its 2 kept units, so one unit takes half of each.
    const oneUnit = cents(shirt.price) - Math.round(cents(shirt.discount_allocations[0]?.amount ?? '0') / 2) + Math.round(cents(shirt.tax_lines[0]?.price ?? '0') / 2);
    expect(cents(refunded.current_total_price)).toBe(cents(edited.total_price) - oneUnit);
    expect(inputErrorOf(() => sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }] })).message).toBe('Quantity cannot refund more items than were purchased (2 of SKU-1001 asked, 1 left)');
  });

  test('removed units leave the fulfillment order and added lines join it', () => {
    const created = tenPercentOff('paid');
    sim.driver.editOrder(created.id, { removals: [{ lineItemId: lineOf(created, 'SKU-1002').id, quantity: 1 }], additions: [{ sku: 'SKU-1008', quantity: 2 }] });
    const [fo] = sim.shop.fulfillment.forOrder(created.id);
    expect(fo?.lines.map((line) => [line.sku, line.remainingQuantity])).toEqual([['SKU-1001', 3], ['SKU-1008', 2]]);
    const fulfilled = sim.driver.fulfilOrder(created.id);
    expect(fulfilled.fulfillment_status).toBe('fulfilled');
    expect(fulfilled.fulfillments[0]).toMatchObject({ line_items: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1008', quantity: 2 }] });
  });

  test('a line added to a fulfilled order opens a new fulfillment order and makes the order partial', () => {
    const created = tenPercentOff('paid');
    sim.driver.fulfilOrder(created.id);
    const edited = sim.driver.editOrder(created.id, { additions: [{ sku: 'SKU-1003' }] });
    expect(edited.fulfillment_status).toBe('partial');
    expect(lineOf(edited, 'SKU-1003').fulfillable_quantity).toBe(1);
    expect(sim.shop.fulfillment.forOrder(created.id).map((fo) => fo.status)).toEqual(['CLOSED', 'OPEN']);
  });
});

describe('GraphQL after an edit', () => {
  test('currentQuantity, refundableQuantity and currentSubtotalLineItemsQuantity agree with REST', async () => {
    const created = tenPercentOff('paid');
    sim.driver.editOrder(created.id, { removals: [{ lineItemId: lineOf(created, 'SKU-1001').id, quantity: 1 }], additions: [{ sku: 'SKU-1004' }] });
    const rest = sim.driver.refundOrder(created.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const query = 'query($id: ID!) { order(id: $id) { edited currentSubtotalLineItemsQuantity lineItems(first: 10) { nodes { id quantity currentQuantity refundableQuantity } } } }';
    const reply = await sim.graphql.execute({ query, variables: { id: created.admin_graphql_api_id } });
    const order = (reply.body as { data: { order: { edited: boolean; currentSubtotalLineItemsQuantity: number; lineItems: { nodes: { id: string; quantity: number; currentQuantity: number; refundableQuantity: number }[] } } } }).data.order;
    expect(order.edited).toBe(true);
    expect(order.lineItems.nodes).toEqual(rest.line_items.map((line) => ({ id: line.admin_graphql_api_id, quantity: line.quantity, currentQuantity: line.current_quantity, refundableQuantity: line.current_quantity })));
    expect(order.currentSubtotalLineItemsQuantity).toBe(rest.line_items.reduce((sum, line) => sum + line.current_quantity, 0));
  });
});
