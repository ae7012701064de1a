import { createPrng, type ShopifySimulator } from '@shopsync/simulators';
import type { DemoOptions } from './demo-options';

/** The shares of the workload shared by the demo and the chaos run (DemoOptions has their meaning). */
export type WorkloadRates = Pick<DemoOptions, 'returningRate' | 'guestRate' | 'pendingRate' | 'refundRate' | 'editRate'>;

export interface PlacedOrder {
  readonly id: number;
  readonly pending: boolean;
  readonly firstSku: string;
  /** The Shopify customer; null for a guest checkout. */
  readonly customerId: number | null;
}

export interface FollowUpCounts {
  paid: number;
  cancelled: number;
  refunded: number;
  edited: number;
}

/**
 * Places `count` orders — new customers, returning customers (the same Shopify customer id, drawn
 * from `customerIds`, which new customers join) and guests, paid at checkout or unpaid.
 */
export function placeOrders(shopify: ShopifySimulator, count: number, rates: WorkloadRates, random: () => number, customerIds: number[], onPlaced?: (index: number) => void): PlacedOrder[] {
  const placed: PlacedOrder[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    const returning = customerIds.length > 0 && roll < rates.returningRate;
    const guest = !returning && roll < rates.returningRate + rates.guestRate;
    const customer = guest ? null : returning ? { id: customerIds[Math.floor(random() * customerIds.length)] as number } : 'new';
    const pending = random() < rates.pendingRate;
    const order = shopify.driver.createOrder({ customer, financialStatus: pending ? 'pending' : 'paid' });
    if (customer === 'new' && order.customer !== null) customerIds.push(order.customer.id);
    placed.push({ id: order.id, pending, firstSku: order.line_items[0]!.sku, customerId: order.customer?.id ?? null });
    onPlaced?.(index);
  }
  return placed;
}

/** Then edits some unpaid orders, pays most unpaid ones, cancels the rest (one in four), and partly refunds some paid ones. */
export function followUpOrders(shopify: ShopifySimulator, placed: readonly PlacedOrder[], rates: WorkloadRates, random: () => number): FollowUpCounts {
  const counts: FollowUpCounts = { paid: 0, cancelled: 0, refunded: 0, edited: 0 };
  for (const order of placed) {
    if (order.pending) {
      if (random() < rates.editRate) {
        editDemoOrder(shopify, order.id);
        counts.edited += 1;
      }
      if (random() < 0.25) {
        shopify.driver.cancelOrder(order.id, { reason: 'customer' });
        counts.cancelled += 1;
      } else {
        shopify.driver.payOrder(order.id);
        counts.paid += 1;
      }
    } else if (random() < rates.refundRate) {
      shopify.driver.refundOrder(order.id, { lines: [{ sku: order.firstSku, quantity: 1 }] });
      counts.refunded += 1;
    }
  }
  return counts;
}

/**
 * The demo's workload: every flow of the state table, each webhook subject to the simulator's
 * duplicates. The simulator's own seeded generator: a demo run with the same seed places the same orders.
 */
export function placeDemoOrders(shopify: ShopifySimulator, options: DemoOptions, onProgress: (line: string) => void): void {
  const prng = createPrng(options.seed);
  const random = () => prng.next();
  const step = Math.max(1, Math.floor(options.orders / 4));
  const placed = placeOrders(shopify, options.orders, options, random, [], (index) => {
    if ((index + 1) % step === 0) onProgress(`placed ${index + 1}/${options.orders} orders`);
  });
  const { edited, paid, cancelled, refunded } = followUpOrders(shopify, placed, options, random);
  onProgress(`then: ${edited} unpaid orders edited, ${paid} paid, ${cancelled} cancelled, ${refunded} partly refunded`);
}

/** The merchant takes a unit off the first line, or — when it holds only one — adds a line of the same item. */
function editDemoOrder(shopify: ShopifySimulator, id: number): void {
  const [first] = shopify.driver.getOrder(id).line_items;
  if (first === undefined) return;
  if (first.current_quantity > 1) shopify.driver.editOrder(id, { removals: [{ lineItemId: first.id, quantity: 1 }] });
  else shopify.driver.editOrder(id, { additions: [{ sku: first.sku, quantity: 1 }] });
}
