import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '@shopsync/runner';
import { createErpnextSimulator, createPrng, createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import type { Env } from '../chaos/serve-process';
import { DEMO_MAPPING } from '../demo/demo-mapping';
import type { DemoOptions, DemoSummary } from '../demo/demo-options';
import { placeDemoOrdersInWaves } from '../demo/place-demo-orders';
import { DEMO_TOPICS, DEMO_WAVE_SIZE, ECHO_WINDOW_MINUTES } from '../demo/run-demo';
import { stockFindings } from '../demo/stock-findings';
import { demoReconciler } from '../demo/demo-reconciler';
import { prepareOpeningStock } from '../demo/opening-stock';
import { changeStockInShopify, plannedStockMoves, shipBookedOrders, type StockWorkload } from '../demo/stock-workload';
import { summariseRun } from '../demo/summarise-run';
import { FLEET_SECRETS, parsedFleetConfig } from './fleet-config';
import { killAndRestart, operatorCli, type KillRecord } from './fleet-operator';
import { RunnerFleet } from './runner-fleet';
import { SharedStoreWatch } from './shared-store-watch';
import { demoSchema } from './shared-schema';
import { WebhookBalancer } from './webhook-balancer';

export interface FleetOptions {
  /** The operator's PostgreSQL database (postgres://…); the run works in a fresh schema of it, dropped at the end. */
  readonly storeUrl: string;
  readonly runners: number;
  /** The environment children get, less shopsync's own variables. */
  readonly env: Env;
  /** How long any one wait on the shared store may take before the run is failed. */
  readonly waitTimeoutMs?: number;
}

/**
 * The drift recheck is 2 s in the in-process demo, which pauses its workers while a wave's webhooks land.
 * Nothing pauses the runners here, and the simulators, the balancer and the runners share the machine's
 * cores: 3 s leaves an order's webhook room to trail its level update (2 s passed in runs on 2 cores;
 * each wave waits out the recheck once, so every second here is a few seconds of the run).
 */
const FLEET_DRIFT_RECHECK_SECONDS = 3;

const NOT_EXERCISED = [
  'scheduled reconciliation (reconcile.intervalMinutes) is off in the runners: in record mode it parks every order whose webhooks are still on their way; the reconciliation here is the operator\'s repair run, from the demo process on the shared store',
  'the retention prune runs in every runner at start and hourly, but with 30 days of retention it deletes nothing in a run of seconds',
];

function duplicateFulfillments(shopify: ShopifySimulator): number {
  const numbers = [...shopify.shop.orders.byId.keys()].flatMap((id) => shopify.shop.fulfillment.fulfillmentsOf(id).filter((f) => f.status === 'SUCCESS').flatMap((f) => f.tracking.map((t) => t.number)));
  return numbers.length - new Set(numbers).size;
}

/**
 * The demo with N `shopsync serve` processes on one PostgreSQL store instead of one runner in-process on
 * SQLite: the same workload and the same invariants. Shopify's webhooks reach the runners through a
 * round-robin balancer; one runner is SIGKILLed while a wave of webhooks lands and started again. What the
 * in-process demo calls on its runner object is left to the runners' own schedules and awaited through
 * the shared store (shared-store-watch.ts); the operator's Retry goes through `shopsync failures retry`
 * and the final backlog is read with `shopsync status`, both on the store's URL.
 */
export async function runFleetDemo(options: DemoOptions, fleetOptions: FleetOptions, onProgress: (line: string) => void): Promise<DemoSummary> {
  const started = Date.now();
  const stateDir = mkdtempSync(join(tmpdir(), 'shopsync-demo-fleet-'));
  const schema = demoSchema(fleetOptions.storeUrl, new Date(), process.pid);
  // Undone in reverse order whatever happens, as far as the run got: the runners stop before the store closes and the schema goes.
  const undo: Array<() => Promise<unknown>> = [];
  try {
    const erp = createErpnextSimulator({ apiKey: FLEET_SECRETS.erpKey, apiSecret: FLEET_SECRETS.erpSecret });
    undo.push(() => erp.close());
    const { url: erpUrl } = await erp.listen(0);
    const shopify = createShopifySimulator({
      seed: options.seed,
      webhookSecret: FLEET_SECRETS.webhook,
      accessToken: FLEET_SECRETS.shopifyToken,
      graphql: { plan: 'plus' },
      faults: { duplicateRate: options.duplicateRate, dropRate: options.dropRate, concurrency: 8 },
    });
    undo.push(() => shopify.close());
    const { url: shopifyUrl } = await shopify.listen(0);
    const shop = shopify.shop.domain;
    const locationId = shopify.shop.inventory.primaryLocation().id;
    const locationWarehouses = { [String(locationId)]: DEMO_MAPPING.defaultWarehouse };
    const runnerSettings = { shop, shopifyUrl, erpUrl, locationWarehouses, workerConcurrency: options.workerConcurrency, driftRecheckSeconds: FLEET_DRIFT_RECHECK_SECONDS, echoWindowMinutes: ECHO_WINDOW_MINUTES };
    // This process composes as a runner does, from the runners' settings: its store works in the run's own
    // schema of the operator's database (created and migrated by its first statement) through a small pool.
    const app = composeApp(parsedFleetConfig({ ...runnerSettings, storeUrl: fleetOptions.storeUrl, port: 0 }), { postgres: { schema: schema.name, poolSize: 4 } });
    undo.unshift(() => app.close());
    const { store, erpnext } = app;
    await store.ping().catch((error: unknown) => {
      throw new Error(`cannot reach the PostgreSQL store ${fleetOptions.storeUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}: ${error instanceof Error ? error.message : String(error)}`);
    });
    // The ping created and migrated the schema: it goes last, once the store is closed.
    undo.unshift(() => schema.drop());
    const shopifyClient = app.shopify(shop);
    if (shopifyClient === null) throw new Error('the fleet config holds no Admin API token for the simulated shop');
    const site = { company: DEMO_MAPPING.company, warehouse: DEMO_MAPPING.defaultWarehouse };
    const prng = createPrng((options.seed ^ 0x5eed5) >>> 0);
    const workload: StockWorkload = { shopify, erp, erpnext, store, site, locationId, random: () => prng.next(), made: new Set() };
    const watch = new SharedStoreWatch({ store, erp, shopify, shop }, fleetOptions.waitTimeoutMs ?? 60_000);
    const fleet = await RunnerFleet.create(fleetOptions.runners, stateDir, fleetOptions.env, { ...runnerSettings, storeUrl: schema.url });
    undo.push(() => fleet.stop());
    const balancer = new WebhookBalancer(fleet.ports);
    undo.push(() => balancer.close());
    const cli = (args: readonly string[]) => operatorCli([...args, '--db', schema.url, '--json'], fleetOptions.env, watch.problems);
    const kills: Array<Promise<KillRecord>> = [];
    const { skus, aligned, knownVouchers } = await prepareOpeningStock(workload, options.manualStockChanges);
    if (aligned.length > 0) onProgress(`opening stock aligned in ERPNext before the sync starts: ${aligned.join('; ')}`);
    const balancerUrl = await balancer.listen();
    await fleet.start();
    // Each runner's first scheduled read places the cursor at the Stock Ledger's end (the opening stock is not replayed).
    await watch.waitFor('the Stock Ledger tail starting', () => watch.tailCaughtUp());
    for (const topic of DEMO_TOPICS) shopify.webhooks.subscribe({ topic, address: `${balancerUrl}/webhooks/shopify` });
    onProgress(`${fleetOptions.runners} runners (shopsync serve) on ports ${fleet.ports.join(', ')} behind a round-robin balancer at ${balancerUrl}; store: PostgreSQL schema ${schema.name}; configs and logs in ${stateDir}`);
    const { drifted, reconcile, round: reconcileRound } = demoReconciler({ shop, shopify: shopifyClient, erpnext, config: fleet.config, store, started, settle: async () => { await watch.settle(); } });
    const pending = plannedStockMoves(workload, skus);
    const moves: string[] = [];
    const notes: string[] = [];
    const shipping = { shipped: 0, partial: 0 };
    // The SIGKILL lands while the middle wave of new orders is being delivered and worked on.
    const killWave = Math.floor(Math.ceil(options.orders / DEMO_WAVE_SIZE) / 2);
    await placeDemoOrdersInWaves(shopify, options, DEMO_WAVE_SIZE, onProgress, {
      beforeWave: async () => undefined,
      afterWave: async (wave) => {
        if (wave.stage === 'placed' && wave.index === killWave && kills.length === 0) {
          const victim = fleet.runners[1 % fleet.runners.length]!;
          const killed = await killAndRestart({ balancer, store, victim, afterWave: wave.index + 1 });
          kills.push(killed.back);
          onProgress(`runner ${victim.index + 1} SIGKILLed while wave ${wave.index + 1} landed (${killed.claimedInStore} events claimed in the store then); starting it again while the others carry on`);
        }
        await watch.settle();
        await reconcileRound();
        const move = pending.shift();
        if (move !== undefined) {
          moves.push(await move());
          onProgress(`stock moved in ERPNext: ${moves.at(-1)}`);
        }
        if (wave.stage === 'followed-up') notes.push(...(await shipBookedOrders(workload, options.deliveryRate, new Set(wave.orders.map((order) => order.id)), shipping)));
        await watch.settle();
      },
    });
    for (const move of pending.splice(0)) moves.push(await move());
    await watch.settle();
    await reconcile('repair', '2000-01-01T00:00:00Z');
    await watch.settle();
    onProgress(`every webhook delivered and the inbox drained; reconciliation requeued ${drifted.size} orders; ${moves.length} stock movements and ${notes.length} Delivery Notes made in ERPNext`);
    shopify.webhooks.configure({ dropRate: 0 });
    const manual = await changeStockInShopify(workload, skus, options.manualStockChanges, ECHO_WINDOW_MINUTES * 60_000);
    await watch.settle();
    // The operator's Retry of the drift failures, as typed in a shell next to the running fleet.
    if ((await store.failures({ status: 'open', code: 'drift.stock_differs' })).length > 0) await cli(['failures', 'retry', '--code', 'drift.stock_differs']);
    await watch.settle();
    const after = await reconcile(null, '2000-01-01T00:00:00Z');
    const [killed = null] = await Promise.all(kills);
    await watch.mirrored();
    await watch.waitFor(`a Sync Runner row per runner in ERPNext (${fleetOptions.runners})`, async () => erp.docs('Sync Runner').length >= fleetOptions.runners);
    const status = (await cli(['status'])) as { backlog?: { pending: number; claimed: number } } | null;
    const counts = await store.counts();
    const stock = await stockFindings({ store, shopify, erp, locationWarehouses, skus, knownVouchers: new Set([...knownVouchers, ...workload.made]) });
    const balance = balancer.stats();
    return {
      ...summariseRun({ orders: options.orders, counts, shopify, erp, drifted, after, skus, moves, notes, manual, stock, started, stateDir }),
      fleet: {
        runners: fleetOptions.runners,
        schema: schema.name,
        webhooksPerRunner: balance.forwarded,
        failedForwards: balance.failed,
        killed,
        crashes: fleet.crashes(),
        unfinished: counts.unfinished,
        syncLogsBehind: (await watch.syncLogsBehind()).length,
        syncFailuresBehind: (await watch.syncFailuresBehind()).length,
        runnersInDesk: erp.docs('Sync Runner').length,
        stockEntriesTakenTwice: (await watch.entriesTakenTwice()).length,
        duplicateFulfillments: duplicateFulfillments(shopify),
        statusBacklog: status?.backlog === undefined ? null : { pending: status.backlog.pending, claimed: status.backlog.claimed },
        problems: [...watch.problems],
        notExercised: NOT_EXERCISED,
      },
    };
  } finally {
    for (const step of undo.reverse()) await step().catch((error: unknown) => onProgress(`clean-up failed (schema ${schema.name}): ${error instanceof Error ? error.message : String(error)}`));
  }
}
