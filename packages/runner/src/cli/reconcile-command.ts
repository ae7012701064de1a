import type { Command } from 'commander';
import { composeApp } from '../compose/compose-app';
import { settingsFrom } from '../create-runner';
import { realRetryDeps, type RetryDeps } from '../reconcile/read-with-retry';
import { reconcileShop, type ReconcileShopResult } from '../reconcile/reconcile-shop';
import { reconcileStock, type ReconcileStockResult } from '../reconcile/reconcile-stock';
import { reconcileCustomers, type ReconcileCustomersResult } from '../reconcile/reconcile-customers';
import { parseStockFormula } from '@shopsync/core';
import { emit, exitCodeOf, type CliContext } from './cli-context';
import { RECONCILE_EXIT, reconcileExitCode, reconcileProgress, reconcileReport, reconcileSummaryText } from './reconcile-report';
import { shopWindowRun, type ShopWindowOptions } from './shop-window-run';

export type { ReconcileReport } from './reconcile-report';
export type { ReadRetryPolicy, RetryDeps } from '../reconcile/read-with-retry';

interface ReconcileOptions extends ShopWindowOptions {
  readonly repair?: boolean;
  readonly json?: boolean;
}

/** What tests replace: the backoff between read attempts (a sleep that returns at once, a fixed jitter). */
export interface ReconcileRunDeps {
  readonly retry?: RetryDeps;
}

/**
 * Compares Shopify's orders and customers changed in a window with ERPNext. Always reports what it
 * compared, even when some or whole shops could not be: exit 0 clean, +1 when anything drifted, +4
 * when anything was not compared (RECONCILE_EXIT).
 */
export async function runReconcile(options: ReconcileOptions, ctx: CliContext, deps: ReconcileRunDeps = {}): Promise<number> {
  const run = shopWindowRun('reconcile', options, ctx);
  if (run === null) return RECONCILE_EXIT.badArguments;
  // No read retries in the ERPNext client: reconcile retries each order's reads itself
  // (readWithRetry), and two layers would multiply the waits of a read that never answers.
  const app = composeApp(run.config, { erpnext: { maxReadRetries: 0 } });
  const { config, erpnext, store } = app;
  const onEvent = reconcileProgress(ctx, options.json);
  const shops: ReconcileShopResult[] = [];
  const stock: ReconcileStockResult[] = [];
  const customers: ReconcileCustomersResult[] = [];
  const formula = parseStockFormula(config.mapping.stockFormula);
  const failed: Array<{ shop: string; error: string }> = [];
  try {
    for (const shop of run.shops) {
      const shopify = app.shopify(shop.domain);
      if (shopify === null) continue;
      try {
        const findings = { mode: options.repair ? ('repair' as const) : ('record' as const), store, now: ctx.now };
        shops.push(await reconcileShop({ shop: shop.domain, shopify, erpnext, settings: settingsFrom(config), since: run.since, until: run.until, findings, onEvent, retry: deps.retry ?? realRetryDeps }));
        // Stock is compared as it stands now (the window is for orders), while ERPNext's stock goes to Shopify.
        if (config.flows.inventory !== 'off' && formula.ok) {
          stock.push(await reconcileStock({ shop: shop.domain, shopify, erpnext, store, settings: settingsFrom(config), formula: formula.formula, findings }));
        }
        // Customers changed in the same window, while their flow is on (shadow included: it is what live would write).
        if (config.flows.customers !== 'off') {
          customers.push(await reconcileCustomers({ shop: shop.domain, shopify, erpnext, settings: settingsFrom(config), since: run.since, until: run.until, findings, onEvent, retry: deps.retry ?? realRetryDeps }));
        }
      } catch (error) {
        // Reads never throw (they become not-compared orders or a stop); this is the store or a bug.
        failed.push({ shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
        ctx.io.err(`reconcile ${shop.domain} failed: ${failed.at(-1)?.error}`);
      }
    }
  } finally {
    await app.close();
  }
  const report = reconcileReport({ since: run.since, until: run.until }, shops, failed, stock, customers);
  emit(ctx, options.json, report, () => reconcileSummaryText(report, options.repair === true));
  return reconcileExitCode(report);
}

export function registerReconcileCommand(program: Command, ctx: CliContext): void {
  program
    .command('reconcile')
    .description('compare the Shopify orders and customers changed since a date with what ERPNext holds (and, with flows.inventory on, stock per mapped location), and report every difference (exit 0 clean, 1 drift, 4 not all compared, 5 both)')
    .requiredOption('--since <date>', 'orders and customers updated at or after this date (2026-11-01, a UTC day) or ISO-8601 instant')
    .option('--until <date>', 'and at or before this date (inclusive) or instant')
    .option('--shop <domain>', 'only this shop (default: every configured shop)')
    .option('--repair', 'enqueue each drifted order and customer for the runner to bring ERPNext to it (default: record each as a drift failure to requeue)')
    .option('--config <file>', 'config file (default: $SHOPSYNC_CONFIG or ./shopsync.json)')
    .option('--json', 'print one JSON object on stdout (progress goes to stderr as JSON lines)')
    .action((options: ReconcileOptions) => exitCodeOf(runReconcile(options, ctx)));
}
