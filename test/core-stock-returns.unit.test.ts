import fc from 'fast-check';
import { EMPTY_CONTEXT, planEvent, type EnsureMappedDocumentOperation, type SyncSettings } from '@shopsync/core';
import { MAPPED_SETTINGS, SHOP, simulatedOrder } from './support/order-fixtures';
import { refundPayload } from './support/refund-fixtures';

// Found by `npm run chaos -- --orders 1000 --seed 7`: two refunds marked `return` for one unit each of a
// line of which one unit had shipped. Both were planned against that one delivery; ERPNext refused the
// second ("Item SKU-1001 has already been returned") and the refund was parked with no fix possible.

const shopifyShips: SyncSettings = { ...MAPPED_SETTINGS, fulfillmentAuthority: 'shopify' };
type Line = { id: number; admin_graphql_api_id: string };

function orderWith(shippedPerFulfillment: number[], refunds: number[]) {
  const order = simulatedOrder({ lines: [{ sku: 'SKU-1001', quantity: 6 }] });
  const line = (order.line_items as Line[])[0]!;
  const fulfillments = shippedPerFulfillment.map((quantity, index) => ({
    id: 41 + index,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${41 + index}`,
    status: 'success',
    line_items: [{ id: line.id, admin_graphql_api_id: line.admin_graphql_api_id, quantity }],
  }));
  const refundList = refunds.map((quantity, index) => ({ ...refundPayload(order, `90${index + 1}`, [{ index: 0, quantity }]), created_at: `2026-11-28T0${index + 1}:00:00Z` }));
  return { ...order, fulfillments, refunds: refundList };
}

function returnsOf(payload: unknown): Array<{ key: string; qty: number }> {
  const plan = planEvent({ shop: SHOP, topic: 'orders/updated', payload }, shopifyShips, EMPTY_CONTEXT);
  return (plan.operations.filter((op) => op.key.startsWith('delivery-return:')) as EnsureMappedDocumentOperation[]).map((op) => ({
    key: op.key,
    qty: -(op.tableEdits[0]!.rows.reduce((sum, row) => sum + Number(row.set.qty), 0)),
  }));
}

describe('returned units: a shipped unit comes back once, and only if it shipped', () => {
  test('two refunds marked return for one unit each, one unit shipped: only the first comes back', () => {
    expect(returnsOf(orderWith([1], [1, 1]))).toEqual([{ key: `delivery-return:${SHOP}:901-41`, qty: 1 }]);
  });

  test('a return larger than one delivery is spread over the deliveries that shipped the units', () => {
    expect(returnsOf(orderWith([1, 2], [3]))).toEqual([
      { key: `delivery-return:${SHOP}:901-41`, qty: 1 },
      { key: `delivery-return:${SHOP}:901-42`, qty: 2 },
    ]);
  });

  test('earlier refunds take the units first, whatever order Shopify lists the refunds in', () => {
    const order = orderWith([2], [1, 2]);
    const reversed = { ...order, refunds: [...(order.refunds as unknown[])].reverse() };
    expect(returnsOf(reversed).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `delivery-return:${SHOP}:901-41`, qty: 1 },
      { key: `delivery-return:${SHOP}:902-41`, qty: 1 },
    ]);
  });

  test('never more comes back than shipped, per delivery and in all (fast-check)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), (shipped, refunds) => {
        const returns = returnsOf(orderWith(shipped, refunds));
        const total = returns.reduce((sum, ret) => sum + ret.qty, 0);
        expect(total).toBe(Math.min(shipped.reduce((a, b) => a + b, 0), refunds.reduce((a, b) => a + b, 0)));
        shipped.forEach((units, index) => {
          const back = returns.filter((ret) => ret.key.endsWith(`-${41 + index}`)).reduce((sum, ret) => sum + ret.qty, 0);
          expect(back).toBeLessThanOrEqual(units);
        });
        checked += 1;
      }),
      { numRuns: 60 },
    );
    expect(checked).toBe(60);
  });
});
