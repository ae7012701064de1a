import {
  DEFAULT_SYNC_SETTINGS,
  EMPTY_CONTEXT,
  ORDER_STATE_TABLE,
  describeFailure,
  planEvent,
  type EnsureDocumentOperation,
  type EnsureMappedDocumentOperation,
  type Plan,
} from '@shopsync/core';
import { documentedPayload } from './support/documented-webhooks';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { given } from './support/plan-spec';

const plan = (payload: unknown, topic = 'orders/create', settings = MAPPED_SETTINGS, context = EMPTY_CONTEXT): Plan =>
  planEvent({ shop: SHOP, topic, payload }, settings, context);
const shape = (p: Plan) => p.operations.map((op) => `${op.kind} ${op.doctype}`);
const salesOrderOf = (p: Plan) => p.operations.find((op) => op.doctype === 'Sales Order' && op.kind === 'ensure_document') as EnsureDocumentOperation;

describe('order state table: one row, one test', () => {
  const cases: Record<string, string[]> = {
    pending: ['ensure_document Customer', 'ensure_document Sales Order'],
    authorized: ['ensure_document Customer', 'ensure_document Sales Order'],
    partially_paid: ['ensure_document Customer', 'ensure_document Sales Order', 'ensure_mapped_document Sales Invoice'],
    paid: ['ensure_document Customer', 'ensure_document Sales Order', 'ensure_mapped_document Sales Invoice'],
    partially_refunded: ['ensure_document Customer', 'ensure_document Sales Order', 'ensure_mapped_document Sales Invoice'],
    refunded: ['ensure_document Customer', 'ensure_document Sales Order', 'ensure_mapped_document Sales Invoice'],
    voided: ['ensure_document Customer', 'ensure_document Sales Order'],
    expired: ['ensure_document Customer', 'ensure_document Sales Order'],
  };

  test('every row of the table has a case here', () => {
    expect(ORDER_STATE_TABLE.map((row) => row.financialStatus).sort()).toEqual(Object.keys(cases).sort());
  });

  test.each(Object.entries(cases))('financial status %s books %j', (status, expected) => {
    expect(shape(plan({ ...simulatedOrder(), financial_status: status }))).toEqual(expected);
  });

  test('an unknown financial status is skipped with its reason, not guessed', () => {
    expect(plan({ ...simulatedOrder(), financial_status: 'mystery' })).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('"mystery", which has no rule') });
  });

  test('with the on_fulfilled policy a paid order is invoiced only once fulfilled', () => {
    const settings = { ...MAPPED_SETTINGS, invoicePolicy: 'on_fulfilled' as const };
    expect(shape(plan(simulatedOrder(), 'orders/paid', settings))).toHaveLength(2);
    expect(shape(plan({ ...simulatedOrder(), fulfillment_status: 'fulfilled' }, 'orders/fulfilled', settings))).toHaveLength(3);
  });

  test('a cancelled order gets its Sales Order cancelled, booked first if ERPNext never saw it', () => {
    const cancelled = { ...simulatedOrder({ financialStatus: 'pending' }), cancelled_at: '2026-11-27T11:00:00-05:00', financial_status: 'voided' };
    expect(shape(plan(cancelled, 'orders/cancelled'))).toEqual(['ensure_document Customer', 'ensure_document Sales Order', 'cancel_document Sales Order']);
  });

  test('a Shopify fulfillment becomes a Delivery Note for those lines only when Shopify is the fulfillment authority', () => {
    const order = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }] });
    const line = (order.line_items as Array<{ id: number; admin_graphql_api_id: string }>)[0]!;
    const fulfilled = {
      ...order,
      fulfillment_status: 'partial',
      fulfillments: [{ id: 41, admin_graphql_api_id: 'gid://shopify/Fulfillment/41', status: 'success', created_at: '2026-11-28T10:00:00-05:00', tracking_number: '1Z999', line_items: [{ id: line.id, admin_graphql_api_id: line.admin_graphql_api_id, quantity: 1 }] }],
    };
    expect(shape(plan(fulfilled, 'orders/partially_fulfilled'))).not.toContain('ensure_mapped_document Delivery Note');
    const shopifyShips = plan(fulfilled, 'orders/partially_fulfilled', { ...MAPPED_SETTINGS, fulfillmentAuthority: 'shopify' });
    const note = shopifyShips.operations.find((op) => op.doctype === 'Delivery Note') as EnsureMappedDocumentOperation;
    expect(note.key).toBe(`delivery-note:${SHOP}:41`);
    expect(note.tableEdits[0]!.rows).toEqual([{ match: line.admin_graphql_api_id.split('/').pop(), set: { qty: 1 } }]);
    expect(note.set.lr_no).toBe('1Z999');
    // Posted at the fulfillment's instant on the site's clock: date and time both, in the site's zone.
    expect(note.set).toMatchObject({ posting_date: '2026-11-28', posting_time: '15:00:00', set_posting_time: 1 });
    const lateEvening = { ...fulfilled, fulfillments: [{ ...fulfilled.fulfillments[0]!, created_at: '2026-11-28T22:30:00-05:00' }] };
    const onKolkata = plan(lateEvening, 'orders/partially_fulfilled', { ...MAPPED_SETTINGS, fulfillmentAuthority: 'shopify', erpnextTimeZone: 'Asia/Kolkata' });
    expect((onKolkata.operations.find((op) => op.doctype === 'Delivery Note') as EnsureMappedDocumentOperation).set).toMatchObject({ posting_date: '2026-11-29', posting_time: '09:00:00' });
  });

  test('warehouses follow the location mapping: a point-of-sale order reserves at its location, a fulfillment ships from its own; unmapped locations use the default', () => {
    const settings = { ...MAPPED_SETTINGS, fulfillmentAuthority: 'shopify' as const, locationWarehouses: { '111': 'Shop Floor - SD', '222': 'Finished Goods - SD' } };
    const order = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    const line = (order.line_items as Array<{ id: number; admin_graphql_api_id: string }>)[0]!;
    const fulfillment = (locationId: number) => ({ id: 42, admin_graphql_api_id: 'gid://shopify/Fulfillment/42', status: 'success', created_at: '2026-11-28T10:00:00-05:00', location_id: locationId, line_items: [{ id: line.id, admin_graphql_api_id: line.admin_graphql_api_id, quantity: 2 }] });
    const warehouses = (p: Plan) => (salesOrderOf(p).doc.items as Array<{ warehouse: string }>).map((row) => row.warehouse);
    const noteRows = (p: Plan) => (p.operations.find((op) => op.doctype === 'Delivery Note') as EnsureMappedDocumentOperation).tableEdits[0]!.rows;
    expect(warehouses(plan({ ...order, location_id: 111 }, 'orders/create', settings))).toEqual(['Shop Floor - SD']);
    expect(warehouses(plan({ ...order, location_id: 999 }, 'orders/create', settings))).toEqual([MAPPED_SETTINGS.defaultWarehouse]);
    expect(warehouses(plan(order, 'orders/create', settings))).toEqual([MAPPED_SETTINGS.defaultWarehouse]);
    const shipped = (locationId: number) => plan({ ...order, fulfillment_status: 'fulfilled', fulfillments: [fulfillment(locationId)] }, 'orders/fulfilled', settings);
    expect(noteRows(shipped(222))[0]!.set).toEqual({ qty: 2, warehouse: 'Finished Goods - SD' });
    expect(noteRows(shipped(999))[0]!.set).toEqual({ qty: 2 });
  });

  test('the Sales Order naming series is configurable, and left to ERPNext when not configured', () => {
    expect(salesOrderOf(plan(simulatedOrder())).doc.naming_series).toBeUndefined();
    expect(salesOrderOf(plan(simulatedOrder(), 'orders/create', { ...MAPPED_SETTINGS, salesOrderNamingSeries: 'SO-SHOP-.YYYY.-' })).doc.naming_series).toBe('SO-SHOP-.YYYY.-');
  });

  test('test orders are skipped unless syncTestOrders is on', () => {
    const testOrder = { ...simulatedOrder(), test: true };
    expect(plan(testOrder).outcome).toBe('skipped');
    expect(plan(testOrder, 'orders/create', { ...MAPPED_SETTINGS, syncTestOrders: true }).outcome).toBe('applied');
  });
});

describe('money that adds up', () => {
  test('discounts, taxes and shipping of a simulated order reproduce Shopify’s total to the cent', () => {
    const payload = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
    const so = salesOrderOf(plan(payload));
    const items = so.doc.items as Array<{ qty: number; rate: number }>;
    const taxes = so.doc.taxes as Array<{ tax_amount: number; account_head: string }>;
    const net = items.reduce((sum, item) => sum + Math.round(item.qty * item.rate * 100), 0);
    const grand = net - Math.round((so.doc.discount_amount as number) * 100) + taxes.reduce((sum, tax) => sum + Math.round(tax.tax_amount * 100), 0);
    expect(grand).toBe(Math.round(Number(payload.total_price) * 100));
    expect(taxes.map((tax) => tax.account_head)).toEqual(['Sales Tax - SD', 'Freight and Forwarding Charges - SD']);
    expect(so.doc.disable_rounded_total).toBe(1);
  });

  test('taxes-included prices book the tax once, on its row: lines at their net rate, no tax in the discount (more in core-taxes-included)', () => {
    const payload = simulatedOrder({ lines: [{ sku: 'SKU-1003', quantity: 2 }], shipping: null });
    const taxCents = Math.round(Number(payload.total_tax) * 100);
    const totalPrice = ((Math.round(Number(payload.total_price) * 100) - taxCents) / 100).toFixed(2);
    const included = { ...payload, taxes_included: true, total_price: totalPrice, total_price_set: { shop_money: { amount: totalPrice, currency_code: 'USD' } } };
    const so = salesOrderOf(plan(included));
    const taxes = so.doc.taxes as Array<{ account_head: string; tax_amount: number }>;
    expect(so.doc.discount_amount).toBe(0);
    expect(taxes.filter((tax) => tax.account_head === 'Sales Tax - SD').map((tax) => Math.round(tax.tax_amount * 100))).toEqual([taxCents]);
  });

  test('a total that does not add up is a validation failure showing both numbers, and nothing is written', () => {
    const payload = simulatedOrder();
    const wrong = { ...payload, total_price: '999.99', total_price_set: undefined };
    const sentence = given(MAPPED_SETTINGS).when({ shop: SHOP, topic: 'orders/create', payload: wrong }).thenFails('validation.total_mismatch');
    expect(sentence).toMatch(/would total \d+\.?\d* in ERPNext but totals 999.99 in Shopify/);
  });

  test('an unmapped tax title is a mapping failure that names it', () => {
    const sentence = given({ ...MAPPED_SETTINGS, taxAccounts: {} }).when({ shop: SHOP, topic: 'orders/create', payload: simulatedOrder() }).thenFails('mapping.tax_account_unmapped');
    expect(sentence).toContain('has tax "State Tax", which is mapped to no ERPNext account');
  });

  test('shipping without a shipping account is a mapping failure', () => {
    given({ ...MAPPED_SETTINGS, shippingAccount: null }).when({ shop: SHOP, topic: 'orders/create', payload: simulatedOrder() }).thenFails('mapping.shipping_account_unmapped');
  });

  test('tips are booked to the tip account, or fail when none is configured', () => {
    const payload = simulatedOrder({ shipping: null });
    const total = Math.round(Number(payload.total_price) * 100) + 300;
    const tipped = { ...payload, total_tip_received: '3.00', total_price: (total / 100).toFixed(2), total_price_set: undefined };
    expect((salesOrderOf(plan(tipped)).doc.taxes as Array<{ account_head: string }>).map((t) => t.account_head)).toContain('Tips - SD');
    given({ ...MAPPED_SETTINGS, tipAccount: null }).when({ shop: SHOP, topic: 'orders/create', payload: tipped }).thenFails('mapping.tip_account_unmapped');
  });

  test('a gift card line is booked to the gift card item, not to a SKU', () => {
    const payload = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    (payload.line_items as Array<Record<string, unknown>>)[0]!.gift_card = true;
    expect((salesOrderOf(plan(payload)).doc.items as Array<{ item_code: string }>)[0]!.item_code).toBe('GIFT-CARD');
    given({ ...MAPPED_SETTINGS, giftCardItem: null }).when({ shop: SHOP, topic: 'orders/create', payload }).thenFails('mapping.gift_card_item_unmapped');
  });

  test('duties are booked to the duties account', () => {
    const payload = simulatedOrder({ shipping: null, lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    (payload.line_items as Array<Record<string, unknown>>)[0]!.duties = [{ price_set: { shop_money: { amount: '4.50', currency_code: 'USD' } } }];
    const withDuties = { ...payload, total_price: (Number(payload.total_price) + 4.5).toFixed(2), total_price_set: undefined };
    expect((salesOrderOf(plan(withDuties)).doc.taxes as Array<{ description: string }>).map((t) => t.description)).toContain('Duties');
  });

  test('a buyer paying in another currency is booked in shop money', () => {
    const payload = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const line = (payload.line_items as Array<Record<string, unknown>>)[0]!;
    line.price_set = { shop_money: { amount: line.price, currency_code: 'USD' }, presentment_money: { amount: '9999.00', currency_code: 'JPY' } };
    expect((salesOrderOf(plan({ ...payload, presentment_currency: 'JPY' })).doc.items as Array<{ rate: number }>)[0]!.rate).toBe(Number(line.price));
  });

});

describe('versions and keys', () => {
  test('an event older than the applied version is superseded and writes nothing', () => {
    const payload = simulatedOrder();
    const newer = { appliedVersion: '2099-01-01T00:00:00-05:00' };
    expect(plan(payload, 'orders/updated', MAPPED_SETTINGS, newer)).toMatchObject({ outcome: 'superseded', operations: [] });
  });

  test('versions compare as instants, not as text: 10:00-05:00 is later than 14:00Z', () => {
    const payload = { ...simulatedOrder(), updated_at: '2026-11-27T10:00:00-05:00' };
    expect(plan(payload, 'orders/updated', MAPPED_SETTINGS, { appliedVersion: '2026-11-27T14:00:00Z' }).outcome).toBe('applied');
  });

  test('orders/create, orders/updated and orders/paid of one order ensure the same keys', () => {
    const payload = simulatedOrder();
    const keys = (topic: string) => plan(payload, topic).operations.map((op) => op.key);
    expect(keys('orders/updated')).toEqual(keys('orders/create'));
    expect(keys('orders/paid')).toEqual(keys('orders/create'));
  });

  test('the same order id in two shops gets different keys', () => {
    const keysOf = (shop: string) => planEvent({ shop, topic: 'orders/create', payload: simulatedOrder() }, MAPPED_SETTINGS).operations.map((op) => op.key);
    expect(keysOf('a.myshopify.com')).not.toEqual(expect.arrayContaining(keysOf('b.myshopify.com')));
  });

  test('ids come from the GID, not from the rounded JSON number', () => {
    const sample = documentedPayload('2026-07', 'orders/create');
    // The documented sample is illustrative (test, cancelled, totals that do not add up); made bookable here.
    const bookable = { ...sample, test: false, cancelled_at: null, financial_status: 'pending', shipping_lines: [], total_price: '414.95', total_price_set: undefined };
    expect(salesOrderOf(plan(bookable, 'orders/create', DEFAULT_SYNC_SETTINGS)).doc.shopify_order_id).toBe('820982911946154508');
    expect(String(sample.id)).not.toBe('820982911946154508');
  });

  test('a guest checkout is booked to the one guest customer of the shop', () => {
    const [customer] = plan(simulatedOrder({ customer: null }), 'orders/create', { ...MAPPED_SETTINGS, guestCustomerName: 'Walk-in' }).operations as EnsureDocumentOperation[];
    expect(customer?.key).toBe(`guest-customer:${SHOP}:guest`);
    expect(customer?.doc.customer_name).toBe('Walk-in');
  });

  test('a line without a SKU is a mapping failure naming the order and the line', () => {
    const payload = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const line = (payload.line_items as Array<Record<string, unknown>>)[0]!;
    line.sku = null;
    const sentence = given(MAPPED_SETTINGS).when({ shop: SHOP, topic: 'orders/create', payload }).thenFails('mapping.sku_missing');
    expect(sentence).toBe(
      `Order ${payload.name} has line "${line.title}" without a SKU, so no ERPNext Item can be chosen; give the variant a SKU in Shopify (it must equal an ERPNext Item Code), then requeue the event.`,
    );
  });

  test('an order in another shop currency than the company is refused, not booked at the wrong amounts', () => {
    const sentence = given({ ...MAPPED_SETTINGS, companyCurrency: 'EUR' }).when({ shop: SHOP, topic: 'orders/create', payload: simulatedOrder() }).thenFails('mapping.currency_unsupported');
    expect(sentence).toContain('is in USD, but the company books in EUR');
  });

  test('an unreadable payload fails with every issue listed', () => {
    const sentence = given().when({ shop: SHOP, topic: 'orders/create', payload: { id: 'x', line_items: 'no' } }).thenFails('payload.invalid');
    expect(sentence).toContain('the order has no exact id');
    expect(sentence).toContain('line_items is not a list');
  });

  test('a readable order whose payload lacks a field is named by its order name, not by the topic', () => {
    const { created_at: _dropped, ...payload } = simulatedOrder() as Record<string, unknown>;
    const sentence = given().when({ shop: SHOP, topic: 'orders/create', payload }).thenFails('payload.invalid');
    expect(sentence).toMatch(new RegExp(`^Order ${String(payload.name)} could not be read from the webhook payload \\(.*created_at`));
  });

  test('an unreadable payment names its order by id', () => {
    const failure = planEvent({ shop: SHOP, topic: 'order_transactions/create', payload: { order_id: 5900004294646, kind: 'sale' } }, MAPPED_SETTINGS, EMPTY_CONTEXT).failure!;
    expect(describeFailure(failure)).toMatch(/^Order id 5900004294646 could not be read/);
  });

  test('a topic the core does not sync is skipped with its reason', () => {
    expect(plan({}, 'app/uninstalled')).toEqual({ outcome: 'skipped', reason: 'topic app/uninstalled is not synced', operations: [], failure: null, version: null });
  });

  test('every failure the planner can return renders a sentence naming the order', () => {
    const failing = [
      plan({ ...simulatedOrder(), total_price: '1.00', total_price_set: undefined }),
      plan(simulatedOrder(), 'orders/create', { ...MAPPED_SETTINGS, taxAccounts: {} }),
    ];
    for (const result of failing) expect(describeFailure(result.failure!)).toMatch(/^Order #\d+ .+; .+\.$/);
  });
});
