import type { ShopifyClientEvent } from '@shopsync/shopify-client';
import type { Command } from 'commander';
import { backfillShop } from '../backfill/backfill-shop';
import type { BackfillProgress, BackfillShopResult } from '../backfill/types';
import { composeApp } from '../compose/compose-app';
import { emit, exitCodeOf, type CliContext } from './cli-context';
import { shopWindowRun, type ShopWindowOptions } from './shop-window-run';

interface BackfillOptions extends ShopWindowOptions {
  readonly json?: boolean;
}

/** Progress on stderr at most once a second (and when a shop is done): done/total and the rate. */
function progressPrinter(ctx: CliContext, json: boolean | undefined) {
  const started = ctx.now().getTime();
  let printed = 0;
  return (p: BackfillProgress) => {
    const now = ctx.now().getTime();
    if (json || (now - printed < 1000 && p.done < p.total)) return;
    printed = now;
    const rate = p.done / Math.max((now - started) / 1000, 0.001);
    ctx.io.err(`backfill ${p.shop}: ${p.done}/${p.total} orders read (${rate.toFixed(1)}/s), ${p.enqueued} enqueued`);
  };
}

function summaryText(report: ReturnType<typeof totals>): string {
  return [
    `orders updated since ${report.since}${report.until === null ? '' : ` until ${report.until}`}: ${report.scanned}`,
    `enqueued ${report.enqueued} (with ${report.transactions} transactions); already in the inbox ${report.alreadyKnown}; waited ${(report.throttleWaitMs / 1000).toFixed(1)} s for Shopify's rate limit`,
    ...report.shops.flatMap((shop) => shop.refused.map((order) => `not enqueued: ${shop.shop} ${order.name}: ${order.reason}`)),
    report.enqueued > 0 ? 'a running `shopsync serve` applies them as it would webhooks; otherwise its next start does' : 'nothing new to apply',
  ].join('\n');
}

function totals(window: { since: string; until: string | null }, shops: readonly BackfillShopResult[], throttleWaitMs: number) {
  const sum = (pick: (shop: BackfillShopResult) => number) => shops.reduce((total, shop) => total + pick(shop), 0);
  return { ...window, scanned: sum((s) => s.scanned), enqueued: sum((s) => s.enqueued), alreadyKnown: sum((s) => s.alreadyKnown), transactions: sum((s) => s.transactions), refused: sum((s) => s.refused.length), throttleWaitMs, shops };
}

/** Enqueues Shopify orders changed in a window as synthetic events in the inbox; exit 1 if any was refused or failed. */
export async function runBackfill(options: BackfillOptions, ctx: CliContext): Promise<number> {
  const run = shopWindowRun('backfill', options, ctx);
  if (run === null) return 2;
  const { config } = run;
  const window = { since: run.since, until: run.until };
  let throttleWaitMs = 0;
  const countWait = (event: ShopifyClientEvent) => {
    if (event.type === 'http.throttled') throttleWaitMs += event.delayMs;
  };
  // Every shop's client reports its throttle waits to one count, the report's total.
  const app = composeApp(config, { shopify: { onEvent: countWait } });
  const { store } = app;
  const results: BackfillShopResult[] = [];
  const failed: Array<{ shop: string; error: string }> = [];
  try {
    for (const shop of run.shops) {
      const shopify = app.shopify(shop.domain);
      if (shopify === null) continue;
      try {
        const args = { shop: shop.domain, shopify, store, since: window.since, until: window.until, now: ctx.now };
        results.push(await backfillShop({ ...args, fulfillmentAuthority: config.mapping.fulfillmentAuthority, onProgress: progressPrinter(ctx, options.json) }));
      } catch (error) {
        // Whatever was committed before the error stays enqueued; a rerun skips it and goes on.
        failed.push({ shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
        ctx.io.err(`backfill ${shop.domain} stopped: ${failed.at(-1)?.error}`);
      }
    }
  } finally {
    await app.close();
  }
  const report = { ...totals({ since: window.since, until: window.until }, results, throttleWaitMs), failed };
  emit(ctx, options.json, report, () => summaryText(report));
  return report.refused > 0 || failed.length > 0 ? 1 : 0;
}

export function registerBackfillCommand(program: Command, ctx: CliContext): void {
  program
    .command('backfill')
    .description('enqueue the Shopify orders changed since a date as events, so missed webhooks are made good')
    .requiredOption('--since <date>', 'orders updated at or after this date (2026-11-01, a UTC day) or ISO-8601 instant')
    .option('--until <date>', 'and at or before this date (inclusive) or instant')
    .option('--shop <domain>', 'only this shop (default: every configured shop)')
    .option('--config <file>', 'config file (default: $SHOPSYNC_CONFIG or ./shopsync.json)')
    .option('--json', 'print one JSON object (no progress lines)')
    .action((options: BackfillOptions) => exitCodeOf(runBackfill(options, ctx)));
}
