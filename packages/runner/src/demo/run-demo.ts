import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createErpnextClient } from '@shopsync/erpnext-client';
import { createErpnextSimulator, createShopifySimulator } from '@shopsync/simulators';
import { parseConfig } from '../config/load-config';
import { createRunner } from '../create-runner';
import { createLogger } from '../logging/create-logger';
import { openSqliteStore } from '../store/sqlite-store';
import { DEMO_MAPPING } from './demo-mapping';
import type { DemoOptions, DemoSummary } from './demo-options';
import { placeDemoOrders } from './place-demo-orders';
import { summariseErpnext } from './summarise-erpnext';

const ERP_KEY = 'demo-api-key';
const ERP_SECRET = 'demo-api-secret';
const WEBHOOK_SECRET = 'demo-webhook-secret';
const TOPICS = ['orders/create', 'orders/updated', 'orders/edited', 'orders/paid', 'orders/cancelled', 'refunds/create', 'order_transactions/create'];

/**
 * The main job: both simulators and the runner on an embedded SQLite file, N orders placed in the
 * Shopify simulator, every webhook delivered (with duplicates), and the outcome counted in ERPNext.
 */
export async function runDemo(options: DemoOptions, onProgress: (line: string) => void): Promise<DemoSummary> {
  const started = Date.now();
  const stateDir = mkdtempSync(join(tmpdir(), 'shopsync-demo-'));
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({
    seed: options.seed,
    webhookSecret: WEBHOOK_SECRET,
    faults: { duplicateRate: options.duplicateRate, concurrency: 8 },
  });
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: join(stateDir, 'shopsync.sqlite') },
    server: { port: 0 },
    worker: { concurrency: options.workerConcurrency, pollMs: 50, baseDelayMs: 200 },
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
    while ((await runner.mirror()).recorded > 0);
    const counts = await store.counts();
    const stats = shopify.webhooks.stats();
    return {
      orders: options.orders,
      webhooksTriggered: stats.uniqueDeliveries,
      deliveries: counts.deliveries,
      duplicateDeliveries: counts.duplicateDeliveries,
      eventsStored: counts.deliveries - counts.duplicateDeliveries,
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
