import { createPrng, type ShopifySimulator } from '@shopsync/simulators';
import type { DemoOptions } from './demo-options';

/**
 * Places the orders — new customers, returning customers (the same Shopify customer id) and guests,
 * paid at checkout or unpaid — then pays most unpaid ones, cancels the rest, and partly refunds some
 * paid ones: every flow of the state table, each webhook subject to the simulator's duplicates.
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
  for (const order of placed) {
    if (order.pending) {
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
  onProgress(`then: ${paid} unpaid orders paid, ${cancelled} cancelled, ${refunded} partly refunded`);
}
