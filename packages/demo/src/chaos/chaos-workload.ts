import type { ShopifyPrng, ShopifySimulator } from '@shopsync/simulators';
import { followUpOrders, placeOrders, type PlacedOrder } from '../demo/place-demo-orders';
import { streamPrng } from './fault-plan';
import type { ChaosOptions } from './types';

const LAST_NAMES = ['Moreau', 'Okafor', 'Lindqvist', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Kowalski'];

export type WorkloadCounts = {
  placed: number;
  paid: number;
  cancelled: number;
  refunded: number;
  edited: number;
  fulfilled: number;
  partlyFulfilled: number;
  returned: number;
  shippingRefunds: number;
  customerEdits: number;
  /** Actions the shop refused (a unit already refunded cannot be shipped …): nothing happened, no webhook. */
  refused: number;
};

/**
 * The chaos workload, in waves so that Shopify keeps selling while the runner is killed and ERPNext is
 * down. Wave k places new orders with the demo's mix (new, returning and guest customers, paid at
 * checkout or pending), gives the previous wave's orders the demo's follow-ups (edits, pending → paid,
 * cancellations, partial refunds), and the wave before that the rest of an order's life: fulfillments
 * (some partial, with tracking), a shipped unit coming back, a refund of the shipping alone, and an
 * edit of the customer's name or phone. Seeded: the same seed asks the shop for the same things.
 */
export class ChaosWorkload {
  readonly counts: WorkloadCounts = { placed: 0, paid: 0, cancelled: 0, refunded: 0, edited: 0, fulfilled: 0, partlyFulfilled: 0, returned: 0, shippingRefunds: 0, customerEdits: 0, refused: 0 };
  readonly waves: number;
  private wave = 0;
  private readonly batches: PlacedOrder[][] = [];
  private readonly customerIds: number[] = [];
  private readonly demoRandom: () => number;
  private readonly prng: ShopifyPrng;

  constructor(
    private readonly shopify: ShopifySimulator,
    private readonly options: ChaosOptions,
  ) {
    this.waves = Math.min(100, Math.max(1, Math.ceil(options.orders / 10)));
    const demo = streamPrng(options.seed, 'workload');
    this.demoRandom = () => demo.next();
    this.prng = streamPrng(options.seed, 'workload-extras');
  }

  /** Steps left, each one wave's actions; the last two only finish the lives of the last orders. */
  get remaining(): number {
    return this.waves + 2 - this.wave;
  }

  step(): void {
    if (this.remaining <= 0) return;
    const k = this.wave;
    this.wave += 1;
    if (k < this.waves) {
      const size = Math.floor((this.options.orders * (k + 1)) / this.waves) - Math.floor((this.options.orders * k) / this.waves);
      this.batches[k] = placeOrders(this.shopify, size, this.options, this.demoRandom, this.customerIds);
      this.counts.placed += size;
    }
    const previous = this.batches[k - 1];
    if (previous !== undefined) {
      const done = followUpOrders(this.shopify, previous, this.options, this.demoRandom);
      for (const key of ['paid', 'cancelled', 'refunded', 'edited'] as const) this.counts[key] += done[key];
    }
    for (const order of this.batches[k - 2] ?? []) this.finishLife(order);
  }

  private finishLife(placed: PlacedOrder): void {
    const order = this.shopify.driver.getOrder(placed.id);
    const paid = order.cancelled_at === null && (order.financial_status === 'paid' || order.financial_status === 'partially_refunded');
    const first = order.line_items[0];
    if (paid && first !== undefined && this.prng.chance(this.options.fulfilRate)) {
      const partly = first.current_quantity > 1 && this.prng.chance(0.3);
      const tracking = { company: 'UPS', number: `1Z${this.prng.hex(16).toUpperCase()}` };
      if (this.attempt(() => this.shopify.driver.fulfilOrder(placed.id, partly ? { lines: [{ sku: first.sku, quantity: 1 }], tracking } : { tracking }))) {
        this.counts[partly ? 'partlyFulfilled' : 'fulfilled'] += 1;
        if (this.prng.chance(this.options.returnRate) && this.attempt(() => this.shopify.driver.refundOrder(placed.id, { lines: [{ sku: first.sku, quantity: 1 }], restockType: 'return' }))) this.counts.returned += 1;
      }
    }
    if (this.options.shippingRefunds && paid && this.prng.chance(this.options.shippingRefundRate)) {
      if (this.attempt(() => this.shopify.driver.refundOrder(placed.id, { shipping: true, restockType: 'no_restock' }))) this.counts.shippingRefunds += 1;
    }
    if (placed.customerId !== null && this.prng.chance(this.options.customerEditRate)) {
      const patch = this.prng.chance(0.5) ? { lastName: this.prng.pick(LAST_NAMES) } : { phone: `+1555${String(this.prng.int(0, 9_999_999)).padStart(7, '0')}` };
      this.shopify.driver.updateCustomer(placed.customerId, patch);
      this.counts.customerEdits += 1;
    }
  }

  /** A merchant action the shop may refuse (nothing left to ship or refund): refused, it changed nothing. */
  private attempt(action: () => unknown): boolean {
    try {
      action();
      return true;
    } catch (error) {
      // The shop's refusal is ShopifySimulatorInputError, told by its name (STYLE C5: no instanceof across packages).
      if ((error as Error).name !== 'ShopifySimulatorInputError') throw error;
      this.counts.refused += 1;
      return false;
    }
  }
}
