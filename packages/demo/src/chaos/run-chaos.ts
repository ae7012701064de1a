import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import { composeApp, settingsFrom } from '@shopsync/runner';
import { createErpnextSimulator, createShopifySimulator, DEFAULT_SHOPIFY_CATALOGUE, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';
import { DEMO_MAPPING } from '../demo/demo-mapping';
import { erpnextFindings } from '../demo/erpnext-findings';
import { CHAOS_SECRETS, writeChaosConfig } from './chaos-config';
import { runWorkloadUnderFaults, settle, type LoopParts } from './chaos-loop';
import { ChaosWorkload } from './chaos-workload';
import { customerFieldDrift } from './customer-fields';
import { DeliveryLog } from './delivery-log';
import { ErpnextChaos } from './erpnext-chaos';
import { FaultDriver } from './fault-driver';
import { describePlan, estimatedWrites, planFaults } from './fault-plan';
import { InboxWatch } from './inbox-watch';
import { judgeInvariants } from './judge-invariants';
import { reconcileDrift } from './reconcile-drift';
import { retryParked } from './retry-parked';
import { freePort, ServeProcess, type Env } from './serve-process';
import { readStoreFindings } from './store-findings';
import type { ChaosOptions, ChaosReport } from './types';

const TOPICS = ['customers/create', 'customers/update', 'orders/create', 'orders/updated', 'orders/edited', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'refunds/create', 'order_transactions/create'];

export interface ChaosDeps {
  /** The environment the CLI read at start; children get it without shopsync's own variables. */
  readonly env: Env;
  readonly onProgress: (line: string) => void;
}

/** The stock an operator receives before selling, so every fulfillment can ship from the default warehouse. */
async function receiveStock(client: ErpnextClient, orders: number): Promise<void> {
  const items = DEFAULT_SHOPIFY_CATALOGUE.map((item) => ({ item_code: item.sku, qty: 100 + orders * 10, t_warehouse: DEMO_MAPPING.defaultWarehouse, basic_rate: 10 }));
  await client.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: DEMO_MAPPING.company, items, docstatus: 1 });
}

async function startSimulators(options: ChaosOptions): Promise<{ erp: ErpnextSimulator; erpUrl: string; shopify: ShopifySimulator; shopifyUrl: string }> {
  const erp = createErpnextSimulator({ apiKey: CHAOS_SECRETS.erpKey, apiSecret: CHAOS_SECRETS.erpSecret });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({
    seed: options.seed,
    webhookSecret: CHAOS_SECRETS.webhook,
    accessToken: CHAOS_SECRETS.shopifyToken,
    // Shopify's 8 retries over 4 hours take 144 s here: a killed serve is back long before Shopify gives up.
    timeScale: 100,
    // reconcile reads every order through the Admin API: the Plus plan's rate keeps that short.
    graphql: { plan: 'plus' },
    faults: { duplicateRate: options.duplicateRate, reorder: { window: options.reorderWindow }, concurrency: 8 },
  });
  const { url: shopifyUrl } = await shopify.listen(0);
  return { erp, erpUrl, shopify, shopifyUrl };
}

/**
 * `shopsync-demo chaos`: both simulators in this process, `serve` as a child process (the real binary, a
 * config file, SQLite on disk), a seeded workload under a seeded fault plan — duplicated and
 * reordered webhooks, ERPNext faults and an outage, SIGKILLs of serve — run to quiescence, then the
 * invariants checked against both simulators and the state file. Progress goes to `onProgress`.
 */
export async function runChaos(options: ChaosOptions, deps: ChaosDeps): Promise<ChaosReport> {
  const started = Date.now();
  const { onProgress, env } = deps;
  const stateDir = mkdtempSync(join(tmpdir(), 'shopsync-chaos-'));
  const plan = planFaults(options);
  describePlan(plan, options.seed).forEach((line) => onProgress(line));
  const { erp, erpUrl, shopify, shopifyUrl } = await startSimulators(options);
  const port = await freePort();
  const paths = { config: join(stateDir, 'shopsync.json'), state: join(stateDir, 'shopsync.sqlite'), log: join(stateDir, 'serve.log') };
  const config = writeChaosConfig(paths.config, { shop: shopify.shop.domain, shopifyUrl, erpUrl, statePath: paths.state, port });
  // The operator's own ERPNext client, from the config serve runs with; the store is serve's and never opened here.
  const app = composeApp(config);
  await receiveStock(app.erpnext, options.orders);
  for (const topic of TOPICS) shopify.webhooks.subscribe({ topic, address: `http://127.0.0.1:${port}/webhooks/shopify` });
  const deliveries = new DeliveryLog(shopify);
  const serve = new ServeProcess(paths.config, paths.log, env);
  const chaos = new ErpnextChaos(erp, Number(new URL(erpUrl).port), plan.faultRate, plan.random);
  const workload = new ChaosWorkload(shopify, options);
  const watch = new InboxWatch(paths.state);
  const parts: LoopParts = { shopify, workload, driver: new FaultDriver(erp, serve, chaos, plan, onProgress), watch, onProgress };
  try {
    await serve.start();
    onProgress(`serve is up on port ${port}; state, config and serve.log in ${stateDir}`);
    chaos.startFaults();
    await runWorkloadUnderFaults(parts, Math.max(1, estimatedWrites(options.orders) / workload.waves));
    chaos.stopFaults();
    onProgress(`workload and faults over (ERPNext writes so far: ${parts.driver.writes()}); waiting for quiescence`);
    const quiet = await settle(parts, options.settleTimeoutMs);
    const unfinished = quiet.ok ? [] : watch.describeUnfinished();
    onProgress(quiet.ok ? `quiescent after ${(quiet.waitedMs / 1000).toFixed(1)} s` : `NOT quiescent after ${(quiet.waitedMs / 1000).toFixed(0)} s`);
    const before = erpnextFindings(erp, shopify, { deliveries: true });
    const customerDrift = customerFieldDrift(erp, shopify, settingsFrom(config));
    const parked = readStoreFindings(paths.state, shopify.shop.domain, deliveries.acknowledged).openFailures;
    onProgress(`retrying each of ${parked.length} parked failures once through \`shopsync failures retry\``);
    const retry = await retryParked(parked, paths.config, paths.state, env, async () => void (await settle(parts, options.settleTimeoutMs)));
    await serve.stop();
    watch.close();
    const store = readStoreFindings(paths.state, shopify.shop.domain, deliveries.acknowledged);
    const after = erpnextFindings(erp, shopify, { deliveries: true });
    onProgress('serve stopped; running `shopsync reconcile` against the simulators');
    const drift = await reconcileDrift(paths.config, env, store.openFailures);
    const { invariants, violations } = judgeInvariants({ quiet, unfinished, gaveUp: shopify.webhooks.stats().gaveUp, crashes: serve.crashes, before, after, customerDrift, store, retry, drift });
    const stats = shopify.webhooks.stats();
    const { counts } = parts.workload;
    return {
      orders: options.orders,
      events: store.events,
      faults: {
        duplicateDeliveries: stats.duplicateDeliveries,
        reorderedDeliveries: deliveries.reordered,
        failedDeliveries: deliveries.failedAttempts,
        ...chaos.counts,
        outages: plan.outage === null ? 0 : 1,
        outageMs: parts.driver.outageMs,
        kills: parts.driver.kills,
        lateFaults: parts.driver.lateFaults,
      },
      invariants,
      violations,
      seed: options.seed,
      elapsedMs: Date.now() - started,
      stateDir,
      details: { workload: counts, byStatus: store.byStatus, deliveries: store.deliveries, parked: store.openFailures.map((f) => `${f.code}: ${f.message}`), reconcile: { compared: drift.compared, explained: drift.explained, notCompared: drift.notCompared }, faultLog: parts.driver.log },
    };
  } finally {
    deliveries.close();
    watch.close();
    await serve.kill();
    await app.close();
    await shopify.close();
    await erp.close();
  }
}
