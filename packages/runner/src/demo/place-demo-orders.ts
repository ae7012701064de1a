import { createPrng, type ShopifySimulator } from '@shopsync/simulators';
import type { DemoOptions } from './demo-options';

/**
 * Places the orders — new customers, returning customers (the same Shopify customer id) and guests,
 * paid at checkout or unpaid — then edits some unpaid ones, pays most unpaid ones, cancels the rest,
 * and partly refunds some paid ones: every flow of the state table, each webhook subject to the
 * simulator's duplicates.
 */
export function placeDemoOrders(shopify: ShopifySimulator, options: DemoOptions, onProgress: (line: string) => void): void {
  // The simulator's own seeded generator: a demo run with the same seed places the same orders.
  const prng = createPrng(options.seed);
  const random = () => prng.next();
  const customerIds: number[] = [];
  const placed: Array<{ id: number; pending: boolean; firstSku: string }> = [];
  const step = Math.max(1, Math.floor(options.orders / 4));
  for (let index = 0; index < options.orders; index += 1) {
    const roll = random();
    const returning = customerIds.length > 0 && roll < options.returningRate;
    const guest = !returning && roll < options.returningRate + options.guestRate;
    const customer = guest ? null : returning ? { id: customerIds[Math.floor(random() * customerIds.length)] as number } : 'new';
    const pending = random() < options.pendingRate;
    const order = shopify.driver.createOrder({ customer, financialStatus: pending ? 'pending' : 'paid' });
    if (customer === 'new' && order.customer !== null) customerIds.push(order.customer.id);
    placed.push({ id: order.id, pending, firstSku: order.line_items[0]!.sku });
    if ((index + 1) % step === 0) onProgress(`placed ${index + 1}/${options.orders} orders`);
  }
  let paid = 0;
  let cancelled = 0;
  let refunded = 0;
  let edited = 0;
  for (const order of placed) {
    if (order.pending) {
      if (random() < options.editRate) {
        editDemoOrder(shopify, order.id);
        edited += 1;
      }
      if (random() < 0.25) {
        shopify.driver.cancelOrder(order.id, { reason: 'customer' });
        cancelled += 1;
      } else {
        shopify.driver.payOrder(order.id);
        paid += 1;
      }
    } else if (random() < options.refundRate) {
      shopify.driver.refundOrder(order.id, { lines: [{ sku: order.firstSku, quantity: 1 }] });
      refunded += 1;
    }
  }
  onProgress(`then: ${edited} unpaid orders edited, ${paid} paid, ${cancelled} cancelled, ${refunded} partly refunded`);
}

/** The merchant takes a unit off the first line, or — when it holds only one — adds a line of the same item. */
function editDemoOrder(shopify: ShopifySimulator, id: number): void {
  const [first] = shopify.driver.getOrder(id).line_items;
  if (first === undefined) return;
  if (first.current_quantity > 1) shopify.driver.editOrder(id, { removals: [{ lineItemId: first.id, quantity: 1 }] });
  else shopify.driver.editOrder(id, { additions: [{ sku: first.sku, quantity: 1 }] });
}
