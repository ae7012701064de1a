import type { ShopifySimulator } from '@shopsync/simulators';
import type { DemoOptions } from './demo-options';

/** A small seeded generator, so a demo run with the same seed places the same orders. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Places the orders: new customers, returning customers (the same Shopify customer id) and guests. */
export function placeDemoOrders(shopify: ShopifySimulator, options: DemoOptions, onProgress: (line: string) => void): void {
  const random = mulberry32(options.seed);
  const customerIds: number[] = [];
  const step = Math.max(1, Math.floor(options.orders / 4));
  for (let index = 0; index < options.orders; index += 1) {
    const roll = random();
    const returning = customerIds.length > 0 && roll < options.returningRate;
    const guest = !returning && roll < options.returningRate + options.guestRate;
    const customer = guest ? null : returning ? { id: customerIds[Math.floor(random() * customerIds.length)] as number } : 'new';
    const order = shopify.driver.createOrder({ customer });
    if (customer === 'new' && order.customer !== null) customerIds.push(order.customer.id);
    if ((index + 1) % step === 0) onProgress(`placed ${index + 1}/${options.orders} orders`);
  }
}
