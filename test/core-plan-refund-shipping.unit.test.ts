import { EMPTY_CONTEXT, planEvent, type EnsureMappedDocumentOperation, type Plan } from '@shopsync/core';
import { createShopifySimulator, type ShopifyCreateOrderInput } from '@shopsync/simulators';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

type Json = Record<string, unknown>;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
const plan = (topic: string, payload: unknown, latestSnapshot: unknown = null): Plan => planEvent({ shop: SHOP, topic, payload }, MAPPED_SETTINGS, { ...EMPTY_CONTEXT, latestSnapshot });
const op = (p: Plan, prefix: string) => p.operations.find((candidate) => candidate.key.startsWith(prefix)) as EnsureMappedDocumentOperation | undefined;
const lineIdOf = (order: Json, index: number) => String((order.line_items as Array<{ admin_graphql_api_id: string }>)[index]!.admin_graphql_api_id).split('/').pop();

/** A paid order in the Shopify simulator (5.00 standard shipping), and its driver. */
function paidOrder(input: ShopifyCreateOrderInput = {}) {
  const shopify = createShopifySimulator({ seed: 11, now: () => new Date('2026-11-27T15:00:00.000Z') });
  const created = shopify.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002', quantity: 1 }], ...input });
  return { shopify, created: json(created), id: created.id };
}

describe('a refund of shipping only is a credit note with one row at quantity 0, and its refund payment', () => {
  test('the credit note keeps the first invoiced line at qty 0 and gives the shipping back on its account', () => {
    const { shopify, created, id } = paidOrder({ discount: { code: 'TEN', percentage: 10 } });
    const refunded = json(shopify.driver.refundOrder(id, { lines: [], shipping: true }));
    const result = plan('orders/updated', refunded);
    expect(result.outcome).toBe('applied');
    const note = op(result, 'credit-note:')!;
    expect(note.tableEdits).toEqual([{ table: 'items', matchField: 'shopify_line_item_id', rows: [{ match: lineIdOf(created, 0), set: { qty: 0 } }], dropUnmatched: true }]);
    expect(Math.abs(Number(note.set.discount_amount))).toBe(0);
    expect(note.set).toMatchObject({ taxes: [{ charge_type: 'Actual', account_head: 'Freight and Forwarding Charges - SD', description: 'Shipping and adjustments refunded', tax_amount: -5 }] });
    const payment = op(result, 'refund-payment:')!;
    expect(payment).toMatchObject({ doctype: 'Payment Entry', args: { dt: 'Sales Invoice', dn: { $ref: note.key } } });
  });

  test('refunds/create plans it from the order before the refund exactly as the orders/updated after it', () => {
    const { shopify, created, id } = paidOrder();
    const refunded = json(shopify.driver.refundOrder(id, { lines: [], shipping: true }));
    const viaRefund = plan('refunds/create', (refunded.refunds as unknown[])[0], created);
    expect(viaRefund.outcome).toBe('applied');
    expect(viaRefund.operations).toEqual(plan('orders/updated', refunded).operations);
  });

  test('a line an edit took off entirely is not on the invoice, so the row kept is the next invoiced line', () => {
    const { shopify, created, id } = paidOrder();
    shopify.driver.editOrder(id, { removals: [{ lineItemId: (created.line_items as Array<{ id: number }>)[0]!.id, quantity: 2 }] });
    const refunded = json(shopify.driver.refundOrder(id, { lines: [], shipping: true }));
    const note = op(plan('orders/updated', refunded), 'credit-note:')!;
    expect(note.tableEdits[0]?.rows).toEqual([{ match: lineIdOf(created, 1), set: { qty: 0 } }]);
  });

  test('after every line was refunded, a later shipping refund still keeps the first line (ERPNext offers it at qty 0)', () => {
    const { shopify, created, id } = paidOrder();
    shopify.driver.refundOrder(id, { lines: [{ sku: 'SKU-1001' }, { sku: 'SKU-1002' }] });
    const refunded = json(shopify.driver.refundOrder(id, { lines: [], shipping: true }));
    const result = plan('orders/updated', refunded);
    const notes = result.operations.filter((candidate) => candidate.key.startsWith('credit-note:')) as EnsureMappedDocumentOperation[];
    expect(notes.map((note) => note.tableEdits[0]?.rows.map((row) => row.set.qty))).toEqual([[-2, -1], [0]]);
    expect(notes[1]?.tableEdits[0]?.rows[0]?.match).toBe(lineIdOf(created, 0));
  });

  test('a refund of lines and shipping is cut to the refunded lines as before', () => {
    const { shopify, created, id } = paidOrder();
    const refunded = json(shopify.driver.refundOrder(id, { lines: [{ sku: 'SKU-1002', quantity: 1 }], shipping: true }));
    const note = op(plan('orders/updated', refunded), 'credit-note:')!;
    expect(note.tableEdits[0]?.rows).toEqual([{ match: lineIdOf(created, 1), set: { qty: -1 } }]);
  });
});
