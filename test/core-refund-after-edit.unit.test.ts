import fc from 'fast-check';
import { EMPTY_CONTEXT, planEvent, type EnsureDocumentOperation, type Plan } from '@shopsync/core';
import { createShopifySimulator } from '@shopsync/simulators';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

type Json = Record<string, unknown>;
type Line = { id: number; sku: string; current_quantity: number };
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
const plan = (topic: string, payload: unknown, latestSnapshot: unknown = null): Plan => planEvent({ shop: SHOP, topic, payload }, MAPPED_SETTINGS, { ...EMPTY_CONTEXT, latestSnapshot });
const SKUS = ['SKU-1001', 'SKU-1002', 'SKU-1003', 'SKU-1004'] as const;

/**
 * refunds/create carries only the refund, so it is planned on the order's latest applied state, taken
 * before the refund. That plan must be the plan of the orders/updated Shopify sends after the refund
 * (the refund in `refunds`, its units gone from current_quantity): same Sales Order, same credit notes.
 */
function refundAfterEdit(input: { lines: Array<[number, number]>; discount: boolean; earlierRefund: boolean; removal: [number, number]; refund: [number, number]; shipping: boolean }) {
  const shopify = createShopifySimulator({ seed: 3, now: () => new Date('2026-11-27T15:00:00.000Z') });
  const lines = input.lines.map(([sku, quantity]) => ({ sku: SKUS[sku]!, quantity }));
  const created = shopify.driver.createOrder({ lines, ...(input.discount ? { discount: { code: 'TEN', percentage: 10 } } : {}) });
  const current = () => shopify.driver.getOrder(created.id).line_items as unknown as Line[];
  const pick = ([index, units]: [number, number]) => {
    const open = current().filter((line) => line.current_quantity > 0);
    const line = open[index % Math.max(open.length, 1)];
    return line === undefined ? null : { line, quantity: 1 + (units % line.current_quantity) };
  };
  if (input.earlierRefund) {
    const first = pick([0, 0]);
    if (first !== null) shopify.driver.refundOrder(created.id, { lines: [{ sku: first.line.sku, quantity: 1 }] });
  }
  const removal = pick(input.removal);
  fc.pre(removal !== null);
  const edited = json(shopify.driver.editOrder(created.id, { removals: [{ lineItemId: removal!.line.id, quantity: removal!.quantity }] }));
  const refunding = pick(input.refund);
  fc.pre(refunding !== null && ['paid', 'partially_refunded'].includes(String(edited.financial_status)));
  const refunded = json(shopify.driver.refundOrder(created.id, { lines: [{ sku: refunding!.line.sku, quantity: refunding!.quantity }], shipping: input.shipping }));
  const refund = (refunded.refunds as unknown[]).at(-1);
  return { viaRefund: plan('refunds/create', refund, edited), viaOrder: plan('orders/updated', refunded) };
}

describe('refunds/create on an edited order plans what the following orders/updated plans', () => {
  test('edited, then refunded: no false total mismatch, the same Sales Order and credit notes either way (fast-check)', () => {
    const arbitrary = fc.record({
      lines: fc.array(fc.tuple(fc.nat({ max: SKUS.length - 1 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 3 }),
      discount: fc.boolean(),
      earlierRefund: fc.boolean(),
      removal: fc.tuple(fc.nat(5), fc.nat(5)),
      refund: fc.tuple(fc.nat(5), fc.nat(5)),
      shipping: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, (input) => {
        const { viaRefund, viaOrder } = refundAfterEdit(input);
        expect(viaOrder.failure).toBeNull();
        expect(viaRefund.failure).toBeNull();
        expect(viaRefund.operations).toEqual(viaOrder.operations);
      }),
      { numRuns: 150 },
    );
  });

  test('the example from the issue: 3 × SKU-1001 edited down to 2, then 1 refunded, books 2 units, not 3', () => {
    const { viaRefund, viaOrder } = refundAfterEdit({ lines: [[0, 3], [1, 1]], discount: true, earlierRefund: false, removal: [0, 0], refund: [0, 0], shipping: false });
    const items = (p: Plan) => ((p.operations.find((op) => op.key.startsWith('sales-order:')) as EnsureDocumentOperation).doc.items as Array<{ item_code: string; qty: number }>).map((row) => [row.item_code, row.qty]);
    expect(viaRefund.outcome).toBe('applied');
    expect(items(viaRefund)).toEqual([['SKU-1001', 2], ['SKU-1002', 1]]);
    expect(items(viaRefund)).toEqual(items(viaOrder));
  });
});
