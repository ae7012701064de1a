import { createErpnextClient } from '@shopsync/erpnext-client';
import type { Command } from 'commander';
import { settingsFrom } from '../create-runner';
import { reconcileShop, type ReconcileShopResult } from '../reconcile/reconcile-shop';
import { openSqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';
import { emit, exitCodeOf, type CliContext } from './cli-context';
import { shopWindowRun, type ShopWindowOptions } from './shop-window-run';
import { shopifyClientFor } from './shopify-for-shop';

interface ReconcileOptions extends ShopWindowOptions {
  readonly repair?: boolean;
  readonly json?: boolean;
}

function summaryText(report: { since: string; shops: readonly ReconcileShopResult[]; failed: ReadonlyArray<{ shop: string; error: string }> }, repair: boolean): string {
  const drifted = report.shops.flatMap((shop) => shop.drifted.map((order) => ({ shop: shop.shop, order })));
  const compared = report.shops.reduce((sum, shop) => sum + shop.compared, 0);
  const enqueued = report.shops.reduce((sum, shop) => sum + shop.repairsEnqueued, 0);
  const recorded = report.shops.reduce((sum, shop) => sum + shop.findingsRecorded, 0);
  return [
    `orders changed since ${report.since} compared with ERPNext: ${compared}; drifted: ${drifted.length}`,
    ...drifted.flatMap(({ shop, order }) => order.findings.map((finding) => `drift: ${shop} ${order.name}: ${finding.message}`)),
    ...report.shops.flatMap((shop) => shop.notCompared.map((order) => `not compared: ${shop.shop} ${order.name}: ${order.reason}`)),
    drifted.length === 0
      ? 'ERPNext holds every order as Shopify does'
      : repair
        ? `enqueued ${enqueued} repairs; a running \`shopsync serve\` applies them (keyed writes: nothing is booked twice)`
        : `recorded ${recorded} new drift failures (\`shopsync failures list --category drift\`, and Sync Failure in the Desk once \`serve\` mirrors them): requeue one to repair it, or run again with --repair to enqueue every drifted order now`,
  ].join('\n');
}

/** Compares Shopify's orders changed in a window with ERPNext; exit 1 when anything drifted. */
export async function runReconcile(options: ReconcileOptions, ctx: CliContext): Promise<number> {
  const run = shopWindowRun('reconcile', options, ctx);
  if (run === null) return 2;
  const { config } = run;
  const erpnext = createErpnextClient({ baseUrl: config.erpnext.url, apiKey: config.erpnext.apiKey, apiSecret: config.erpnext.apiSecret, timeoutMs: config.erpnext.timeoutMs });
  const store: Store = openSqliteStore({ path: config.store.path, synchronous: config.store.synchronous });
  const shops: ReconcileShopResult[] = [];
  const failed: Array<{ shop: string; error: string }> = [];
  try {
    for (const shop of run.shops) {
      const shopify = shopifyClientFor(shop, {});
      if (shopify === null) continue;
      const onProgress = (done: number, total: number) => {
        if (!options.json && (done === total || done % 50 === 0)) ctx.io.err(`reconcile ${shop.domain}: ${done}/${total} orders compared`);
      };
      try {
        const findings = { mode: options.repair ? ('repair' as const) : ('record' as const), store, now: ctx.now };
        shops.push(await reconcileShop({ shop: shop.domain, shopify, erpnext, settings: settingsFrom(config), since: run.since, until: run.until, findings, onProgress }));
      } catch (error) {
        failed.push({ shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
        ctx.io.err(`reconcile ${shop.domain} stopped: ${failed.at(-1)?.error}`);
      }
    }
  } finally {
    await store.close();
  }
  const report = { since: run.since, until: run.until, shops, failed };
  emit(ctx, options.json, report, () => summaryText(report, options.repair === true));
  return failed.length > 0 || shops.some((shop) => shop.drifted.length > 0) ? 1 : 0;
}

export function registerReconcileCommand(program: Command, ctx: CliContext): void {
  program
    .command('reconcile')
    .description('compare the Shopify orders changed since a date with what ERPNext holds, and report every difference')
    .requiredOption('--since <date>', 'orders updated at or after this date (2026-11-01, a UTC day) or ISO-8601 instant')
    .option('--until <date>', 'and at or before this date (inclusive) or instant')
    .option('--shop <domain>', 'only this shop (default: every configured shop)')
    .option('--repair', 'enqueue each drifted order for the runner to bring ERPNext to it (default: record each as a drift failure to requeue)')
    .option('--config <file>', 'config file (default: $SHOPSYNC_CONFIG or ./shopsync.json)')
    .option('--json', 'print one JSON object (no progress lines)')
    .action((options: ReconcileOptions) => exitCodeOf(runReconcile(options, ctx)));
}
