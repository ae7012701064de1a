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

export interface DemoWave {
  /** `placed`: new orders; `followed-up`: the follow-ups (edits, payments, cancellations, refunds) of earlier orders. */
  readonly stage: 'placed' | 'followed-up';
  readonly index: number;
  readonly orders: readonly PlacedOrder[];
}

/**
 * The demo's workload: every flow of the state table, each webhook subject to the simulator's
 * duplicates, as a stream of waves rather than one burst — the orders placed `waveSize` at a time,
 * then their follow-ups in two waves (`beforeWave` and `afterWave` are awaited around each: the demo
 * lets the webhooks land and the runner catch up there, and works in ERPNext between waves). The
 * simulator's own seeded generator, drawn in the same sequence as one burst would draw it: a demo run
 * with the same seed places the same orders.
 */
export async function placeDemoOrdersInWaves(
  shopify: ShopifySimulator,
  options: DemoOptions,
  waveSize: number,
  onProgress: (line: string) => void,
  hooks: { readonly beforeWave: () => Promise<void>; readonly afterWave: (wave: DemoWave) => Promise<void> },
): Promise<void> {
  const prng = createPrng(options.seed);
  const random = () => prng.next();
  const customerIds: number[] = [];
  const placed: PlacedOrder[] = [];
  for (let index = 0; placed.length < options.orders; index += 1) {
    await hooks.beforeWave();
    const orders = placeOrders(shopify, Math.min(waveSize, options.orders - placed.length), options, random, customerIds);
    placed.push(...orders);
    onProgress(`placed ${placed.length}/${options.orders} orders`);
    await hooks.afterWave({ stage: 'placed', index, orders });
  }
  const total: FollowUpCounts = { paid: 0, cancelled: 0, refunded: 0, edited: 0 };
  // The follow-ups in a few waves, each of a stretch of the orders in the order they were placed.
  const followWave = Math.max(waveSize, Math.ceil(placed.length / 2));
  for (let start = 0, index = 0; start < placed.length; start += followWave, index += 1) {
    const orders = placed.slice(start, start + followWave);
    await hooks.beforeWave();
    const counts = followUpOrders(shopify, orders, options, random);
    for (const key of Object.keys(total) as Array<keyof FollowUpCounts>) total[key] += counts[key];
    await hooks.afterWave({ stage: 'followed-up', index, orders });
  }
  onProgress(`then: ${total.edited} unpaid orders edited, ${total.paid} paid, ${total.cancelled} cancelled, ${total.refunded} partly refunded`);
}

/** The merchant takes a unit off the first line, or — when it holds only one — adds a line of the same item. */
function editDemoOrder(shopify: ShopifySimulator, id: number): void {
  const [first] = shopify.driver.getOrder(id).line_items;
  if (first === undefined) return;
  if (first.current_quantity > 1) shopify.driver.editOrder(id, { removals: [{ lineItemId: first.id, quantity: 1 }] });
  else shopify.driver.editOrder(id, { additions: [{ sku: first.sku, quantity: 1 }] });
}
