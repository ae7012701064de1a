import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, createRunner, parseConfig } from '@shopsync/runner';
import { createErpnextSimulator, createPrng, createShopifySimulator } from '@shopsync/simulators';
import { DEMO_MAPPING } from './demo-mapping';
import type { DemoOptions, DemoSummary } from './demo-options';
import { placeDemoOrdersInWaves } from './place-demo-orders';
import { stockFindings } from './stock-findings';
import { demoReconciler } from './demo-reconciler';
import { prepareOpeningStock } from './opening-stock';
import { changeStockInShopify, plannedStockMoves, shipBookedOrders, type StockWorkload } from './stock-workload';
import { settleStock } from './settle-stock';
import { summariseRun } from './summarise-run';

const ERP_KEY = 'demo-api-key';
const ERP_SECRET = 'demo-api-secret';
const WEBHOOK_SECRET = 'demo-webhook-secret';
const SHOPIFY_TOKEN = 'shpat_demo_reconcile';
export const DEMO_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/edited',
  'orders/paid',
  'orders/cancelled',
  'refunds/create',
  'order_transactions/create',
  // ERPNext → Shopify: the levels Shopify reports back (echoes of shopsync's pushes, or changes made in
  // Shopify), and the order webhooks the fulfillments made from Delivery Notes cause.
  'inventory_levels/update',
  'orders/fulfilled',
  'orders/partially_fulfilled',
];
/** A level that differs from ERPNext is looked at again after this long before it is drift (60 s by default). */
export const DRIFT_RECHECK_SECONDS = 2;
export const ECHO_WINDOW_MINUTES = 15;
/** Orders placed per wave: the shop sells in waves, and the warehouse works in ERPNext between them. */
export const DEMO_WAVE_SIZE = 10;

/**
 * The main job: both simulators and the runner on an embedded SQLite file, N orders placed in the
 * Shopify simulator, webhooks delivered with duplicates and some never sent at all, then a
 * reconciliation that finds what the lost webhooks left out and repairs it, and the outcome counted
 * in ERPNext. Stock goes the other way: goods received and counted in ERPNext while the orders are
 * booked reach Shopify, Delivery Notes become Shopify fulfillments, a few levels changed by hand in
 * Shopify are surfaced as drift and set back by the operator's Retry.
 */
export async function runDemo(options: DemoOptions, onProgress: (line: string) => void): Promise<DemoSummary> {
  const started = Date.now();
  const stateDir = mkdtempSync(join(tmpdir(), 'shopsync-demo-'));
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({
    seed: options.seed,
    webhookSecret: WEBHOOK_SECRET,
    accessToken: SHOPIFY_TOKEN,
    // Reconciliation reads every order through the Admin API: the Plus plan's rate limit keeps the demo short.
    graphql: { plan: 'plus' },
    faults: { duplicateRate: options.duplicateRate, dropRate: options.dropRate, concurrency: 8 },
  });
  const { url: shopifyUrl } = await shopify.listen(0);
  // The shop's primary location (where its orders are fulfilled from) is the default warehouse.
  const locationId = shopify.shop.inventory.primaryLocation().id;
  const locationWarehouses = { [String(locationId)]: DEMO_MAPPING.defaultWarehouse };
  const parsed = parseConfig({
    // The Admin API token and the simulator's URL: reconciliation and the stock flow read and write the shop through them.
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [WEBHOOK_SECRET], accessToken: SHOPIFY_TOKEN, apiBaseUrl: shopifyUrl }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(stateDir, 'shopsync.sqlite') },
    server: { port: 0 },
    // A payment whose order's webhooks were never sent waits a few seconds, not hours, before it is parked for reconciliation.
    // The demo loses webhooks on purpose: a payment whose order was lost waits for it, and is parked
    // after 3 s (not the 6 h default) so that the reconciliation after the drain finds the order and
    // its repair re-runs the payment. In production reconciliation runs while such payments wait.
    worker: { concurrency: options.workerConcurrency, pollMs: 50, baseDelayMs: 200, maxDelayMs: 1_000, retryForMinutes: 0.05 },
    mapping: { ...DEMO_MAPPING, locationWarehouses },
    // Fulfillment authority: ERPNext (the default), so Delivery Notes become Shopify fulfillments.
    flows: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
    // The demo reads the Stock Ledger and the Bins itself after each wave (runner.tailStock in settle), so
    // the scheduled read (every 2 s by default) is left to once a minute. A level that differs from
    // ERPNext is looked at again after 2 s (60 s by default) before it is drift.
    stock: { pollMs: 60_000, driftRecheckSeconds: DRIFT_RECHECK_SECONDS, echoWindowMinutes: ECHO_WINDOW_MINUTES },
    log: { level: 'warn' },
  });
  if (!parsed.ok) throw new Error(`demo config is invalid: ${parsed.problems.join('; ')}`);
  // Logs go to stderr: --json prints the summary on stdout. The store is the SQLite file, in this process.
  const app = composeApp(parsed.config, { logDestination: process.stderr });
  const { store, erpnext, logger } = app;
  const runner = createRunner({ config: parsed.config, store, erpnext, logger, stock: { shopify: (domain) => app.shopify(domain), erpnext } });
  const site = { company: DEMO_MAPPING.company, warehouse: DEMO_MAPPING.defaultWarehouse };
  // The stock workload draws from its own stream, so the orders a seed places stay the same.
  const prng = createPrng((options.seed ^ 0x5eed5) >>> 0);
  const workload: StockWorkload = { shopify, erp, erpnext, store, site, locationId, random: () => prng.next(), made: new Set() };
  /** Reads the Stock Ledger, delivers every webhook and drains the inbox, until a round stores nothing new. */
  const settle = async (): Promise<void> => {
    await settleStock({ runner, store, shopify });
  };
  try {
    const shopifyClient = app.shopify(shopify.shop.domain);
    if (shopifyClient === null) throw new Error('the demo config holds no Admin API token for the simulated shop');
    const { skus, aligned, knownVouchers } = await prepareOpeningStock(workload, options.manualStockChanges);
    if (aligned.length > 0) onProgress(`opening stock aligned in ERPNext before the sync starts: ${aligned.join('; ')}`);
    const runnerUrl = await runner.start();
    await runner.tailStock(); // the first read starts at the Stock Ledger's end: the opening stock is not replayed
    for (const topic of DEMO_TOPICS) shopify.webhooks.subscribe({ topic, address: `${runnerUrl}${parsed.config.server.webhookPath}` });
    onProgress(`simulators up (ERPNext ${erpUrl}); runner listening on ${runnerUrl}; state in ${stateDir}`);
    // One reconciliation round after each wave, and one over every order at the end (demo-reconciler.ts).
    const { drifted, reconcile, round: reconcileRound } = demoReconciler({ shop: shopify.shop.domain, shopify: shopifyClient, erpnext, config: parsed.config, store, started, settle });
    // The shop sells in waves. After each, its webhooks land and the runner catches up, a reconciliation
    // round books what lost webhooks left out, and the warehouse works in ERPNext: receives goods or
    // counts a shelf, and ships some of the orders whose follow-ups are done.
    const pending = plannedStockMoves(workload, skus);
    const moves: string[] = [];
    const notes: string[] = [];
    const shipping = { shipped: 0, partial: 0 };
    // The drift recheck (2 s here, 60 s by default) is there for an order's webhook that trails its
    // stock change: it assumes Shopify's webhooks land well within it. In this one process the
    // simulators, the ingress and the workers share an event loop, and a wave's deliveries can take
    // seconds to land while the workers run: the workers wait while a wave's webhooks land, so that the
    // short recheck sees what the 60 s one sees in production.
    await placeDemoOrdersInWaves(shopify, options, DEMO_WAVE_SIZE, onProgress, {
      beforeWave: () => runner.workers.stop(),
      afterWave: async (wave) => {
        await shopify.webhooks.drain();
        runner.workers.start();
        await settle();
        await reconcileRound();
        const move = pending.shift();
        if (move !== undefined) {
          moves.push(await move());
          onProgress(`stock moved in ERPNext: ${moves.at(-1)}`);
        }
        if (wave.stage === 'followed-up') {
          const shipped = await shipBookedOrders(workload, options.deliveryRate, new Set(wave.orders.map((order) => order.id)), shipping);
          notes.push(...shipped);
          if (shipped.length > 0) onProgress(`${shipped.length} Delivery Notes submitted in ERPNext, each with a carrier and a tracking number`);
        }
        await settle();
      },
    });
    for (const move of pending.splice(0)) moves.push(await move());
    await settle();
    await reconcile('repair', '2000-01-01T00:00:00Z');
    await settle();
    onProgress(
      `every webhook delivered and the inbox drained; reconciliation rounds requeued ${drifted.size} orders lost webhooks left different in ERPNext; ${moves.length} stock movements and ${notes.length} Delivery Notes (${shipping.partial} partial) made in ERPNext`,
    );
    // Shopify loses webhooks while the orders flow: what the reconciliation is for. A lost level update
    // of the merchant's own edit would need a stock reconciliation, which the runner does not have yet:
    // from here on every webhook is sent (still some twice).
    shopify.webhooks.configure({ dropRate: 0 });
    const manual = await changeStockInShopify(workload, skus, options.manualStockChanges, ECHO_WINDOW_MINUTES * 60_000);
    if (manual.length > 0) onProgress(`changed by hand in Shopify: ${manual.map((change) => `${change.sku} ${change.from} → ${change.to}`).join(', ')}`);
    await settle();
    // The operator reads the drift failures and presses Retry: Shopify is set to ERPNext's quantity.
    const drift = await store.failures({ status: 'open', code: 'drift.stock_differs' });
    for (const failure of drift) await store.actOnFailure(failure.id, 'retry', new Date());
    if (drift.length > 0) onProgress(`${drift.length} stock drift failures retried by the operator`);
    await settle();
    const after = await reconcile(null, '2000-01-01T00:00:00Z');
    while ((await runner.mirror()).recorded > 0);
    const counts = await store.counts();
    const stock = await stockFindings({ store, shopify, erp, locationWarehouses, skus, knownVouchers: new Set([...knownVouchers, ...workload.made]) });
    return {
      ...summariseRun({ orders: options.orders, counts, shopify, erp, drifted, after, skus, moves, notes, manual, stock, started, stateDir }),
    };
  } finally {
    await runner.stop();
    await app.close();
    await shopify.close();
    await erp.close();
  }
}
