import { describeFailure, planEvent, DEFAULT_SYNC_SETTINGS, type EnsureDocumentOperation } from '@shopsync/core';
import { documentedPayload, documentedVersions } from './support/documented-webhooks';
import { given } from './support/plan-spec';

const SHOP = 'shopsync-demo.myshopify.com';
const sample = () => documentedPayload('2026-07', 'orders/create');

describe('planning an orders/create webhook', () => {
  test('ensures the customer by Shopify id, then a submitted Sales Order keyed by the order id', () => {
    given()
      .when({ shop: SHOP, topic: 'orders/create', payload: sample() })
      .thenPlan((plan) => {
        expect(plan.outcome).toBe('applied');
        expect(plan.operations.map((op) => [op.key, op.doctype, op.submit, op.dependsOn])).toEqual([
          ['customer:shopsync-demo.myshopify.com:115310627314723954', 'Customer', false, []],
          [
            'sales-order:shopsync-demo.myshopify.com:820982911946154508',
            'Sales Order',
            true,
            ['customer:shopsync-demo.myshopify.com:115310627314723954'],
          ],
        ]);
      });
  });

  test('takes ids from the GID, not the rounded JSON number', () => {
    const order = given().when({ shop: SHOP, topic: 'orders/create', payload: sample() }).plan.operations[1] as EnsureDocumentOperation;
    expect(order.doc.shopify_order_id).toBe('820982911946154508');
    expect(String(sample().id)).not.toBe('820982911946154508');
  });

  test('maps the lines, dates and references of the documented sample', () => {
    const [customer, order] = given().when({ shop: SHOP, topic: 'orders/create', payload: sample() }).plan.operations;
    expect(customer?.doc).toMatchInlineSnapshot(`
{
  "customer_group": "Individual",
  "customer_name": "John Smith",
  "customer_type": "Individual",
  "shopify_customer_id": "115310627314723954",
  "shopify_shop": "shopsync-demo.myshopify.com",
  "shopsync_key": "customer:shopsync-demo.myshopify.com:115310627314723954",
  "territory": "All Territories",
}
`);
    expect(order?.doc).toMatchInlineSnapshot(`
{
  "company": "Shopsync Demo",
  "currency": "USD",
  "customer": {
    "$ref": "customer:shopsync-demo.myshopify.com:115310627314723954",
  },
  "delivery_date": "2022-01-07",
  "items": [
    {
      "delivery_date": "2022-01-07",
      "item_code": "SKU2006-001",
      "qty": 1,
      "rate": 89.99,
      "warehouse": "Stores - SD",
    },
    {
      "delivery_date": "2022-01-07",
      "item_code": "LENS-PROTECT-2YR",
      "qty": 1,
      "rate": 19.99,
      "warehouse": "Stores - SD",
    },
    {
      "delivery_date": "2022-01-07",
      "item_code": "CASE-LEATHER-PREM",
      "qty": 1,
      "rate": 24.99,
      "warehouse": "Stores - SD",
    },
    {
      "delivery_date": "2022-01-07",
      "item_code": "SKU2006-020",
      "qty": 1,
      "rate": 159.99,
      "warehouse": "Stores - SD",
    },
    {
      "delivery_date": "2022-01-07",
      "item_code": "SKU2006-035",
      "qty": 1,
      "rate": 119.99,
      "warehouse": "Stores - SD",
    },
  ],
  "order_type": "Sales",
  "po_no": "#9999",
  "shopify_order_id": "820982911946154508",
  "shopify_order_name": "#9999",
  "shopify_shop": "shopsync-demo.myshopify.com",
  "shopsync_key": "sales-order:shopsync-demo.myshopify.com:820982911946154508",
  "transaction_date": "2021-12-31",
}
`);
  });

  test('orders/updated and orders/paid of the same order ensure the same keys, so they adopt, not duplicate', () => {
    const keysOf = (topic: string) => planEvent({ shop: SHOP, topic, payload: sample() }, DEFAULT_SYNC_SETTINGS).operations.map((op) => op.key);
    expect(keysOf('orders/updated')).toEqual(keysOf('orders/create'));
    expect(keysOf('orders/paid')).toEqual(keysOf('orders/create'));
  });

  test('the same order id in two shops gets different keys', () => {
    const keysOf = (shop: string) => planEvent({ shop, topic: 'orders/create', payload: sample() }, DEFAULT_SYNC_SETTINGS).operations.map((op) => op.key);
    expect(keysOf('a.myshopify.com')).not.toEqual(expect.arrayContaining(keysOf('b.myshopify.com')));
  });

  test('a guest checkout is booked to the one guest customer of the shop', () => {
    const [customer] = given({ guestCustomerName: 'Walk-in' }).when({ shop: SHOP, topic: 'orders/create', payload: { ...sample(), customer: null } }).plan.operations;
    expect(customer?.key).toBe('guest-customer:shopsync-demo.myshopify.com:guest');
    expect(customer?.doc.customer_name).toBe('Walk-in');
  });

  test('a line without a SKU is a mapping failure naming the order and the line', () => {
    const payload = sample();
    (payload.line_items as Array<Record<string, unknown>>)[1]!.sku = null;
    const sentence = given().when({ shop: SHOP, topic: 'orders/create', payload }).thenFails('mapping.sku_missing');
    expect(sentence).toBe(
      'Order #9999 has line "Lens Protection Plan (2 Year)" without a SKU, so no ERPNext Item can be chosen; give the variant a SKU in Shopify (it must equal an ERPNext Item Code), then requeue the event.',
    );
  });

  test('an order in another currency than the company is refused, not booked at the wrong amounts', () => {
    const sentence = given({ companyCurrency: 'EUR' }).when({ shop: SHOP, topic: 'orders/create', payload: sample() }).thenFails('mapping.currency_unsupported');
    expect(sentence).toContain('Order #9999 is in USD, but the company books in EUR');
  });

  test('an unreadable payload fails with every issue listed', () => {
    const sentence = given().when({ shop: SHOP, topic: 'orders/create', payload: { id: 'x', line_items: 'no' } }).thenFails('payload.invalid');
    expect(sentence).toContain('the order has no exact id');
    expect(sentence).toContain('line_items is not a list');
  });

  test('a topic the core does not sync is skipped with its reason', () => {
    const plan = given().when({ shop: SHOP, topic: 'app/uninstalled', payload: {} }).plan;
    expect(plan).toEqual({ outcome: 'skipped', reason: 'topic app/uninstalled is not synced', operations: [], failure: null });
  });

  test.each(documentedVersions())('the documented %s orders/create sample parses and plans', (version) => {
    const plan = planEvent({ shop: SHOP, topic: 'orders/create', payload: documentedPayload(version, 'orders/create') }, DEFAULT_SYNC_SETTINGS);
    expect(plan.failure === null ? null : describeFailure(plan.failure)).toBeNull();
    expect(plan.operations).toHaveLength(2);
  });
});
