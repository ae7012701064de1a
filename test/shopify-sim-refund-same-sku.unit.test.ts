import { createShopifySimulator } from '@shopsync/simulators';

// Issue 11 point 9: with two lines of one SKU, the simulator refunded the first line twice
// (current_quantity -1), something Shopify never produces. Refunds by SKU must spread over the
// lines that still have units, and more units than are left is refused with Shopify's wording.
describe('Shopify simulator: refunds by SKU over lines that share it', () => {
  type Line = { id: number; sku: string; current_quantity: number };
  type Refund = { refund_line_items: Array<{ line_item_id: number; quantity: number }> };

  function twoLinesOneSku() {
    const sim = createShopifySimulator({ seed: 11, now: () => new Date('2026-11-27T15:00:00Z') });
    const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 1 }, { sku: 'SKU-1001', quantity: 1 }] });
    const lines = order.line_items as unknown as Line[];
    expect(lines.map((line) => [line.sku, line.current_quantity])).toEqual([['SKU-1001', 1], ['SKU-1001', 1]]);
    return { sim, order, lineIds: lines.map((line) => line.id) };
  }

  const quantities = (order: { line_items: unknown }) => (order.line_items as Line[]).map((line) => line.current_quantity);
  const refundedLines = (order: { refunds: unknown }) => (order.refunds as Refund[]).flatMap((refund) => refund.refund_line_items.map((row) => [row.line_item_id, row.quantity]));

  test('two units in one entry: each line is refunded once, none goes negative', () => {
    const { sim, order, lineIds } = twoLinesOneSku();
    const after = sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    expect(refundedLines(after)).toEqual([[lineIds[0], 1], [lineIds[1], 1]]);
    expect(quantities(after)).toEqual([0, 0]);
    expect(after.financial_status).toBe('partially_refunded');
  });

  test('one unit twice in the same refund, or in two refunds: the second unit comes from the other line', () => {
    const { sim, order, lineIds } = twoLinesOneSku();
    const same = sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }, { sku: 'SKU-1001', quantity: 1 }] });
    expect(refundedLines(same)).toEqual([[lineIds[0], 1], [lineIds[1], 1]]);
    expect(quantities(same)).toEqual([0, 0]);

    const other = twoLinesOneSku();
    other.sim.driver.refundOrder(other.order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    const second = other.sim.driver.refundOrder(other.order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] });
    expect(refundedLines(second)).toEqual([[other.lineIds[0], 1], [other.lineIds[1], 1]]);
    expect(quantities(second)).toEqual([0, 0]);
  });

  test('a third unit is refused with Shopify’s wording, and a refused refund changes nothing', () => {
    const { sim, order } = twoLinesOneSku();
    sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    expect(() => sim.driver.refundOrder(order.id, { lines: [{ sku: 'SKU-1001', quantity: 1 }] })).toThrow('Quantity cannot refund more items than were purchased (1 of SKU-1001 asked, 0 left)');
    expect(refundedLines(sim.driver.getOrder(order.id))).toHaveLength(2);

    // Three at once is refused whole: no line is refunded in part.
    const fresh = twoLinesOneSku();
    expect(() => fresh.sim.driver.refundOrder(fresh.order.id, { lines: [{ sku: 'SKU-1001', quantity: 3 }] })).toThrow('Quantity cannot refund more items than were purchased (3 of SKU-1001 asked, 2 left)');
    const untouched = fresh.sim.driver.getOrder(fresh.order.id);
    expect([quantities(untouched), untouched.refunds, untouched.financial_status]).toEqual([[1, 1], [], 'paid']);
  });
});
