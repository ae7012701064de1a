import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createErpnextClient } from '@shopsync/erpnext-client';
import { createShopifyClient } from '@shopsync/shopify-client';
import { createLogger, createRunner, openSqliteStore, parseConfig, reconcileShop, settingsFrom } from '@shopsync/runner';
import { createErpnextSimulator, createShopifySimulator } from '@shopsync/simulators';
import { DEMO_MAPPING } from './demo-mapping';
import type { DemoOptions, DemoSummary } from './demo-options';
import { placeDemoOrders } from './place-demo-orders';
import { summariseErpnext } from './summarise-erpnext';

const ERP_KEY = 'demo-api-key';
const ERP_SECRET = 'demo-api-secret';
const WEBHOOK_SECRET = 'demo-webhook-secret';
const SHOPIFY_TOKEN = 'shpat_demo_reconcile';
const TOPICS = ['orders/create', 'orders/updated', 'orders/edited', 'orders/paid', 'orders/cancelled', 'refunds/create', 'order_transactions/create'];

/**
 * The main job: both simulators and the runner on an embedded SQLite file, N orders placed in the
 * Shopify simulator, webhooks delivered with duplicates and some never sent at all, then a
 * reconciliation that finds what the lost webhooks left out and repairs it, and the outcome counted
 * in ERPNext.
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
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(stateDir, 'shopsync.sqlite') },
    server: { port: 0 },
    // A payment whose order's webhooks were never sent waits a few seconds, not hours, before it is parked for reconciliation.
    // The demo loses webhooks on purpose: a payment whose order was lost waits for it, and is parked
    // after 3 s (not the 6 h default) so that the reconciliation after the drain finds the order and
    // its repair re-runs the payment. In production reconciliation runs while such payments wait.
    worker: { concurrency: options.workerConcurrency, pollMs: 50, baseDelayMs: 200, maxDelayMs: 1_000, retryForMinutes: 0.05 },
    mapping: DEMO_MAPPING,
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'warn' },
  });
  if (!parsed.ok) throw new Error(`demo config is invalid: ${parsed.problems.join('; ')}`);
  const store = openSqliteStore({ path: parsed.config.store.path });
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const runner = createRunner({ config: parsed.config, store, erpnext, logger });
  try {
    const runnerUrl = await runner.start();
    for (const topic of TOPICS) shopify.webhooks.subscribe({ topic, address: `${runnerUrl}${parsed.config.server.webhookPath}` });
    onProgress(`simulators up (ERPNext ${erpUrl}); runner listening on ${runnerUrl}; state in ${stateDir}`);
    placeDemoOrders(shopify, options, onProgress);
    await shopify.webhooks.drain();
    onProgress('every webhook delivered; waiting for the inbox to drain');
    await runner.drained();
    // Every settled event's trail goes to the companion app's Sync Log, as the running service does on a timer.
    // Stops when a round records nothing, so an entry ERPNext keeps refusing cannot loop forever.
    // Webhooks Shopify never sent left orders behind: reconciliation finds them and the runner repairs them.
    const reconcile = (mode: 'repair' | null) =>
      reconcileShop({
        shop: shopify.shop.domain,
        shopify: createShopifyClient({ shop: shopifyUrl, accessToken: SHOPIFY_TOKEN }),
        erpnext,
        settings: settingsFrom(parsed.config),
        since: '2000-01-01T00:00:00Z',
        until: null,
        findings: mode === null ? null : { mode, store, now: () => new Date() },
      });
    const found = await reconcile('repair');
    onProgress(`reconciliation: ${found.compared} orders compared, ${found.drifted.length} drifted, ${found.repairsEnqueued} repairs requeued`);
    await runner.drained();
    const after = await reconcile(null);
    while ((await runner.mirror()).recorded > 0);
    const counts = await store.counts();
    const stats = shopify.webhooks.stats();
    return {
      orders: options.orders,
      webhooksTriggered: stats.uniqueDeliveries,
      deliveries: counts.deliveries,
      duplicateDeliveries: counts.duplicateDeliveries,
      eventsStored: counts.deliveries - counts.duplicateDeliveries,
      droppedWebhooks: stats.dropped,
      driftFound: found.drifted.length,
      driftRepaired: found.drifted.length - after.drifted.length,
      driftRemaining: after.drifted.length,
      notReconciled: after.notCompared.length,
      ...summariseErpnext(erp, shopify),
      applied: counts.byStatus.applied ?? 0,
      failed: counts.byStatus.failed ?? 0,
      erpnextRequests: erp.requests.count,
      elapsedMs: Date.now() - started,
      stateDir,
    };
  } finally {
    await runner.stop();
    await store.close();
    await shopify.close();
    await erp.close();
  }
}
