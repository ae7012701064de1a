import { EMPTY_CONTEXT, contentDigest, documentContent, planEvent, type EnsureDocumentOperation, type Plan } from '@shopsync/core';
import { createShopifySimulator } from '@shopsync/simulators';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';

type Line = { id: number; admin_graphql_api_id: string; quantity: number; current_quantity: number; sku: string };

const plan = (payload: unknown, topic = 'orders/updated'): Plan => planEvent({ shop: SHOP, topic, payload }, MAPPED_SETTINGS, EMPTY_CONTEXT);
const salesOrderOf = (p: Plan) => p.operations.find((op) => op.doctype === 'Sales Order' && op.kind === 'ensure_document') as EnsureDocumentOperation;
const itemsOf = (p: Plan) => (salesOrderOf(p).doc.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty]);
const SHAPE = { fields: ['discount_amount'], tables: [{ table: 'items', fields: ['item_code', 'qty', 'rate'] }] };

/** A pending order of 3 × SKU-1001 and 1 × SKU-1002 with a code discount, and the simulator to edit it. */
function editableOrder() {
  const shopify = createShopifySimulator({ seed: 11, now: () => new Date('2026-11-27T15:00:00.000Z') });
  const created = shopify.driver.createOrder({ financialStatus: 'pending', lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], discount: { code: 'TEN', percentage: 10 } });
  const lineIds = created.line_items.map((line) => line.id);
  const edit = (input: Parameters<typeof shopify.driver.editOrder>[1]) => JSON.parse(JSON.stringify(shopify.driver.editOrder(created.id, input))) as Record<string, unknown>;
  return { created: JSON.parse(JSON.stringify(created)) as Record<string, unknown>, lineIds, edit };
}

describe('the Sales Order holds the order after edits', () => {
  const order = simulatedOrder({ financialStatus: 'pending', lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }], shipping: null });
  const lines = order.line_items as Line[];

  test('units removed by an edit leave the Sales Order (quantity − current_quantity), and the total still adds up', () => {
    const { lineIds, edit } = editableOrder();
    const edited = edit({ removals: [{ lineItemId: lineIds[0]!, quantity: 1 }] });
    expect(itemsOf(plan(edited))).toEqual([['SKU-1001', 2], ['SKU-1002', 1]]);
    expect(plan(edited).outcome).toBe('applied');
  });

  test('a line whose units were all removed is not booked; an added line is', () => {
    const { lineIds, edit } = editableOrder();
    const edited = edit({ removals: [{ lineItemId: lineIds[1]!, quantity: 1 }], additions: [{ sku: 'SKU-1003', quantity: 2 }] });
    expect(itemsOf(plan(edited))).toEqual([['SKU-1001', 3], ['SKU-1003', 2]]);
  });

  test('an edited payload whose lines do not add up to its total is a validation failure, never a silent post', () => {
    const edited = { ...order, line_items: [{ ...lines[0]!, current_quantity: 2 }, lines[1]!] };
    expect(plan(edited)).toMatchObject({ outcome: 'failed', failure: { code: 'validation.total_mismatch' } });
  });

  test('refunded units stay on the Sales Order (their credit note gives them back), so a refund is not mistaken for an edit', () => {
    const shopify = createShopifySimulator({ seed: 11, now: () => new Date('2026-11-27T15:00:00.000Z') });
    const paid = shopify.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1002', quantity: 1 }] });
    const refunded = JSON.parse(JSON.stringify(shopify.driver.refundOrder(paid.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }] }))) as { line_items: Line[] };
    expect(refunded.line_items[0]).toMatchObject({ quantity: 3, current_quantity: 1 });
    expect(itemsOf(plan(refunded))).toEqual([['SKU-1001', 3], ['SKU-1002', 1]]);
  });

  test('a payload without current_quantity (API versions before 2024-01) books every ordered unit', () => {
    const { current_quantity: _dropped, ...legacy } = lines[0]!;
    expect(itemsOf(plan({ ...order, line_items: [legacy, lines[1]!] }))).toEqual([['SKU-1001', 3], ['SKU-1002', 1]]);
  });

  test('a current_quantity that is not a whole number is reported, not guessed', () => {
    expect(plan({ ...order, line_items: [{ ...lines[0]!, current_quantity: 'two' }, lines[1]!] })).toMatchObject({ outcome: 'failed', failure: { code: 'payload.invalid' } });
  });

  test('the Sales Order carries the digest of its content; an edit changes it, a note does not', () => {
    const { created, lineIds, edit } = editableOrder();
    const before = salesOrderOf(plan(created));
    expect(before.revision?.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(salesOrderOf(plan({ ...created, note: 'leave at the door' })).revision?.digest).toBe(before.revision?.digest);
    expect(salesOrderOf(plan(edit({ removals: [{ lineItemId: lineIds[0]!, quantity: 1 }] }))).revision?.digest).not.toBe(before.revision?.digest);
  });

  test('a cancelled order’s Sales Order still follows its content: a paid one is invoiced from it before the cancel', () => {
    const cancelled = { ...order, cancelled_at: '2026-11-27T11:00:00-05:00', financial_status: 'voided' };
    expect(salesOrderOf(plan(cancelled, 'orders/cancelled')).revision).toEqual(salesOrderOf(plan(order)).revision);
  });
});

describe('orders/edited', () => {
  test('carries only the change, so by itself it writes nothing and says where the edit is applied from', () => {
    const edited = { order_edit: { id: 1, order_id: 450789469, line_items: { additions: [{ id: 5, delta: 2 }], removals: [{ id: 6, delta: 1 }] } } };
    expect(plan(edited, 'orders/edited')).toMatchObject({ outcome: 'skipped', operations: [], reason: expect.stringContaining('order 450789469 was edited (2 unit(s) added, 1 removed)') });
  });
});

describe('document content', () => {
  test('is the same for what shopsync sends and what ERPNext answers: row order and number format do not matter', () => {
    const sent = { discount_amount: 2.5, items: [{ item_code: 'A', qty: 2, rate: 10 }, { item_code: 'B', qty: 1, rate: 3.1 }] };
    const answered = { discount_amount: '2.50', name: 'SO-1', items: [{ item_code: 'B', qty: 1.0, rate: 3.1000000001, idx: 1 }, { item_code: 'A', qty: 2, rate: 10, idx: 2 }] };
    expect(documentContent(answered, SHAPE)).toBe(documentContent(sent, SHAPE));
    expect(contentDigest(answered, SHAPE)).toBe(contentDigest(sent, SHAPE));
  });

  test('differs when a quantity, a rate, a row or the discount differs', () => {
    const base = { discount_amount: 0, items: [{ item_code: 'A', qty: 2, rate: 10 }] };
    const digests = new Set(
      [base, { ...base, discount_amount: 1 }, { ...base, items: [{ item_code: 'A', qty: 1, rate: 10 }] }, { ...base, items: [{ item_code: 'A', qty: 2, rate: 11 }] }, { ...base, items: [...base.items, { item_code: 'A', qty: 2, rate: 10 }] }].map((doc) => contentDigest(doc, SHAPE)),
    );
    expect(digests.size).toBe(5);
  });
});
