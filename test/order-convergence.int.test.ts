import fc from 'fast-check';
import { openSqliteStore, processEvent, type ProcessDeps, type Store } from '@shopsync/runner';
import { createShopifySimulator } from '@shopsync/simulators';
import { join } from 'node:path';
import pino from 'pino';
import { CrashSwitch, SimulatedCrash } from './support/crash-switch';
import { FakeErpnext } from './support/fake-erpnext';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

interface OrderWebhook {
  readonly webhookId: string;
  readonly topic: string;
  readonly body: string;
  readonly version: number;
}

const STEPS = ['pay', 'update', 'edit', 'cancel'] as const;

/** Plays one order's life in the Shopify simulator and keeps the webhook each step fires. */
function lifecycle(initial: 'pending' | 'paid', steps: ReadonlyArray<(typeof STEPS)[number]>): OrderWebhook[] {
  let clock = Date.parse('2026-11-27T15:00:00Z');
  const shopify = createShopifySimulator({ seed: 5, now: () => new Date((clock += 60_000)) });
  const webhooks: OrderWebhook[] = [];
  const record = (topic: string, order: { updated_at: string | null }) =>
    webhooks.push({ webhookId: `w${webhooks.length}`, topic, body: JSON.stringify(order), version: Date.parse(order.updated_at ?? '') });
  const created = shopify.driver.createOrder({ customer: 'new', financialStatus: initial, lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1003', quantity: 1 }] });
  record('orders/create', created);
  let paid = initial === 'paid';
  let cancelled = false;
  for (const step of steps) {
    if (step === 'pay' && !paid && !cancelled) {
      record('orders/paid', shopify.driver.payOrder(created.id));
      paid = true;
    } else if (step === 'update') {
      record('orders/updated', shopify.driver.updateOrder(created.id, { note: `note ${webhooks.length}` }));
    } else if (step === 'edit' && !paid && !cancelled) {
      // Shopify sends orders/edited (only the change) and orders/updated (the edited order); the latter carries it.
      // Edits of an invoiced order are conflicts when shopsync saw the invoice first: arrival order decides
      // whether there was anything to conflict with, so they are proven by their own test, not by this property.
      const line = created.line_items[0]!;
      const removable = shopify.driver.getOrder(created.id).line_items[0]!.current_quantity > 1;
      const edit = removable ? { removals: [{ lineItemId: line.id, quantity: 1 }] } : { additions: [{ sku: 'SKU-1002', quantity: 1 }] };
      record('orders/updated', shopify.driver.editOrder(created.id, edit));
    } else if (step === 'cancel' && !cancelled) {
      record('orders/cancelled', shopify.driver.cancelOrder(created.id, { reason: 'customer' }));
      cancelled = true;
    }
  }
  return webhooks;
}

const T0 = Date.parse('2026-11-27T16:00:00Z');

/** Runs deliveries through the real worker code, a real SQLite store and an in-memory ERPNext. */
class Rig {
  readonly erpnext = new FakeErpnext();
  readonly crash = new CrashSwitch();
  private clock = T0;
  private readonly store: Store;
  private readonly deps: ProcessDeps;

  constructor(path: string) {
    this.store = openSqliteStore({ path, synchronous: 'NORMAL' });
    this.deps = {
      store: this.crash.guard(this.store),
      erpnext: this.erpnext,
      settings: MAPPED_SETTINGS,
      retry: { baseDelayMs: 10, maxDelayMs: 10, retryBudgetMs: 600_000 },
      now: () => new Date(this.clock),
      jitter: () => 0,
      logger: pino({ level: 'silent' }),
      flowModes: { orders: 'live', customers: 'live', inventory: 'off', fulfillment: 'off' },
    };
  }

  async deliver(webhook: OrderWebhook): Promise<void> {
    await this.store.acceptDelivery(
      { shop: SHOP, webhookId: webhook.webhookId, topic: webhook.topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: `${SHOP}/order/1`, payload: webhook.body, payloadHash: 'h' },
      new Date(this.clock),
    );
  }

  /** Claims and processes until the inbox is drained; a crash leaves the claim to expire, as a killed process does. */
  async drain(): Promise<void> {
    for (let guard = 0; guard < 500; guard += 1) {
      this.clock += 120_000;
      const event = await this.store.claimNext('worker', `token-${guard}`, new Date(this.clock), 60_000);
      if (event === null) {
        if ((await this.store.counts()).unfinished === 0) return;
        continue;
      }
      try {
        await processEvent(event, this.deps);
      } catch (error) {
        if (!(error instanceof SimulatedCrash)) throw error;
        this.crash.tripped = false;
      }
    }
    throw new Error('the inbox did not drain');
  }

  async outcome() {
    const failures = await this.store.failures({ status: 'open' });
    return { erpnext: this.erpnext.summary(), failures: failures.map((failure) => failure.code).sort() };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

const lifecycleArb = fc.record({
  initial: fc.constantFrom<'pending' | 'paid'>('pending', 'paid'),
  steps: fc.array(fc.constantFrom(...STEPS), { maxLength: 4 }),
});

describe('convergence of one order under duplicates, reordering and crashes (fast-check)', () => {
  const dir = useTempDir();
  let runs = 0;
  const rig = () => new Rig(join(dir(), `state-${(runs += 1)}.sqlite`));

  /** The reference: every distinct webhook once, in version order, no faults. */
  async function reference(webhooks: readonly OrderWebhook[]) {
    const clean = rig();
    for (const webhook of [...webhooks].sort((a, b) => a.version - b.version)) {
      await clean.deliver(webhook);
      await clean.drain();
    }
    const outcome = await clean.outcome();
    await clean.close();
    return outcome;
  }

  test('any duplication and any permutation of the deliveries ends in the same ERPNext state', async () => {
    await fc.assert(
      fc.asyncProperty(
        lifecycleArb.chain(({ initial, steps }) => {
          const webhooks = lifecycle(initial, steps);
          const deliveries = fc
            .array(fc.nat({ max: webhooks.length - 1 }), { maxLength: webhooks.length * 2 })
            .chain((extra) => fc.shuffledSubarray([...webhooks.keys(), ...extra], { minLength: webhooks.length + extra.length }));
          return fc.tuple(fc.constant(webhooks), deliveries, fc.boolean());
        }),
        async ([webhooks, order, drainBetween]) => {
          const expected = await reference(webhooks);
          const chaotic = rig();
          for (const index of order) {
            await chaotic.deliver(webhooks[index]!);
            if (drainBetween) await chaotic.drain();
          }
          await chaotic.drain();
          expect(await chaotic.outcome()).toEqual(expected);
          await chaotic.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a crash right after any committed ERPNext write is replayed to the same state, with no duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(lifecycleArb, fc.nat({ max: 12 }), async ({ initial, steps }, crashAt) => {
        const webhooks = lifecycle(initial, steps);
        const expected = await reference(webhooks);
        const crashing = rig();
        // The process dies the moment ERPNext committed the write: neither the response nor any later call is seen.
        crashing.erpnext.afterWrite = (writes) => {
          if (writes !== crashAt + 1) return;
          crashing.crash.trip();
          throw new SimulatedCrash();
        };
        for (const webhook of webhooks) {
          await crashing.deliver(webhook);
          await crashing.drain();
        }
        expect(await crashing.outcome()).toEqual(expected);
        await crashing.close();
      }),
      { numRuns: 60 },
    );
  });
});
