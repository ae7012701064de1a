import type { CliContext } from '@shopsync/runner';
import type { Command } from 'commander';
import type { DemoOptions, DemoSummary, FleetSummary } from '../demo/demo-options';
import { runDemo } from '../demo/run-demo';
import { runFleetDemo } from '../multi';

/** A number option within [min, max]; the error names the option and the value. */
export function numberOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
    return parsed;
  };
}

/** A whole number within [min, max]. */
export function wholeNumberOption(name: string, min: number, max: number) {
  const number = numberOption(name, min, max);
  return (value: string): number => {
    const parsed = number(value);
    if (!Number.isInteger(parsed)) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return parsed;
  };
}

export function demoSucceeded(summary: DemoSummary): boolean {
  return (
    summary.duplicatesInErpnext === 0 &&
    summary.duplicateInvoicesOrPayments === 0 &&
    summary.totalsNotMatchingShopify === 0 &&
    summary.documentsMissing === 0 &&
    summary.failed === 0 &&
    summary.syncLogs === summary.eventsStored &&
    summary.driftRemaining === 0 &&
    summary.salesOrders === summary.orders &&
    stockSucceeded(summary) &&
    (summary.fleet === undefined || fleetSucceeded(summary.fleet))
  );
}

/**
 * Several runners on one store: the kill happened, no runner died on its own, every event is final,
 * ERPNext's Sync Log holds every event and its Sync Failure every failure, each in its current state, its Sync Runner one row per runner,
 * no fulfillment was made twice, `shopsync status` reports an empty backlog, and no wait timed out.
 */
export function fleetSucceeded(fleet: FleetSummary): boolean {
  return (
    fleet.killed !== null &&
    fleet.crashes.length === 0 &&
    fleet.unfinished === 0 &&
    fleet.syncLogsBehind === 0 &&
    fleet.syncFailuresBehind === 0 &&
    fleet.runnersInDesk === fleet.runners &&
    fleet.duplicateFulfillments === 0 &&
    fleet.stockEntriesTakenTwice === 0 &&
    fleet.statusBacklog !== null &&
    fleet.statusBacklog.pending === 0 &&
    fleet.statusBacklog.claimed === 0 &&
    fleet.problems.length === 0
  );
}

function fleetLines(fleet: FleetSummary | undefined): string[] {
  if (fleet === undefined) return [];
  const kill = fleet.killed === null ? 'no runner was killed' : `runner ${fleet.killed.runner} SIGKILLed after wave ${fleet.killed.afterWave} with ${fleet.killed.claimedInStore} events claimed in the store, back after ${fleet.killed.downMs} ms`;
  return [
    `${fleet.runners} runners on one PostgreSQL store (schema ${fleet.schema}, dropped): webhooks answered per runner ${fleet.webhooksPerRunner.join(' / ')}, ${fleet.failedForwards} forwards to a runner that was down (Shopify retried them); ${kill}`,
    `runners that died on their own: ${fleet.crashes.length}; events not final: ${fleet.unfinished}; Sync Logs missing or behind: ${fleet.syncLogsBehind}; Sync Failures missing or behind: ${fleet.syncFailuresBehind}; Sync Runner rows: ${fleet.runnersInDesk}; stock entries taken by two tails: ${fleet.stockEntriesTakenTwice}; fulfillments made twice: ${fleet.duplicateFulfillments}; \`shopsync status\` backlog: ${fleet.statusBacklog === null ? 'unread' : `${fleet.statusBacklog.pending} pending, ${fleet.statusBacklog.claimed} claimed`}`,
    ...fleet.problems.map((problem) => `problem: ${problem}`),
    ...fleet.notExercised.map((line) => `not exercised: ${line}`),
  ];
}

/**
 * ERPNext → Shopify: Shopify holds ERPNext's quantities everywhere (after the operator's Retry of the
 * drift failures), no echo was acted on, every change made by hand in Shopify and only those were
 * surfaced as drift, every Delivery Note is a Shopify fulfillment, and Shopify never throttled a push
 * into a failure.
 */
export function stockSucceeded(summary: DemoSummary): boolean {
  return (
    summary.inventoryMismatches === 0 &&
    summary.echoesApplied === 0 &&
    summary.stockDriftDetected === summary.manualStockChanges + summary.stockDriftFromLostWebhooks &&
    summary.stockDriftRepaired === summary.manualStockChanges &&
    summary.deliveryNotesWithoutFulfillment === 0 &&
    summary.shopifyThrottledFailures === 0 &&
    (summary.stockMoves === 0 || summary.stockPushes > 0)
  );
}

/** The human-readable summary `npm run demo` prints (without --json). */
export function summaryText(summary: DemoSummary): string {
  const ok = demoSucceeded(summary);
  return [
    `${summary.orders} Shopify orders → ${summary.deliveries} webhook deliveries (${summary.duplicateDeliveries} duplicates, recorded and not applied; ${summary.droppedWebhooks} webhooks never sent)`,
    `reconciliation found ${summary.driftFound} orders that lost webhooks left different in ERPNext, repaired ${summary.driftRepaired}, ${summary.driftRemaining} still different, ${summary.notReconciled} not compared`,
    `ERPNext now holds ${summary.salesOrders} Sales Orders (${summary.submittedSalesOrders} submitted) for ${summary.customers} customers`,
    `${summary.cancelledSalesOrders} of them cancelled, ${summary.amendedSalesOrders} amended after an edit in Shopify; ${summary.salesInvoices} Sales Invoices, ${summary.paymentEntries} Payment Entries, ${summary.creditNotes} credit notes and ${summary.refundPayments} refund payments`,
    `amounts differing from Shopify's by a cent or more: ${summary.totalsNotMatchingShopify}; payments, refunds or invoices missing in ERPNext: ${summary.documentsMissing}`,
    `duplicates in ERPNext: ${summary.duplicatesInErpnext} orders, ${summary.duplicateInvoicesOrPayments} invoices/payments; failed events: ${summary.failed}; ERPNext requests: ${summary.erpnextRequests}`,
    `stock: ${summary.stockMoves} stock movements in ERPNext on ${summary.stockItems} items → ${summary.stockPushes} inventorySetQuantities pushes to Shopify; ${summary.echoesRecognised} echoes recognised, ${summary.echoesApplied} acted on`,
    `stock: ${summary.manualStockChanges} levels changed by hand in Shopify → ${summary.stockDriftDetected} stock drift failures (${summary.stockDriftFromLostWebhooks} of them an order whose webhooks Shopify never sent, found matching on Retry), ${summary.stockDriftRepaired} set back to ERPNext's quantity by Retry; items whose Shopify stock differs from ERPNext's: ${summary.inventoryMismatches}${summary.inventoryMismatchList.length > 0 ? ` (${summary.inventoryMismatchList.join('; ')})` : ''}`,
    `fulfillments: ${summary.deliveryNotes} Delivery Notes in ERPNext → ${summary.fulfillmentsPushed} Shopify fulfillments; notes without one: ${summary.deliveryNotesWithoutFulfillment}; Shopify throttling failures: ${summary.shopifyThrottledFailures}`,
    `every stored event is in ERPNext's Sync Log with its evidence: ${summary.syncLogs} rows for ${summary.eventsStored} events`,
    ...fleetLines(summary.fleet),
    `took ${(summary.elapsedMs / 1000).toFixed(1)} s; state kept in ${summary.stateDir}`,
    ok ? 'result: every order booked exactly once, and Shopify holds ERPNext\'s stock' : 'result: MISMATCH — see the failures above',
  ].join('\n');
}

type DemoCommandOptions = Omit<DemoOptions, 'workerConcurrency'> & { concurrency: number; json?: boolean; store?: string; runners?: number };

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('run both simulators and the runner, place orders, deliver webhooks with duplicates, move stock and ship orders in ERPNext, change stock by hand in Shopify, and count the result')
    .option('--orders <n>', 'orders to place', numberOption('orders', 1, 100_000), 50)
    .option('--duplicate-rate <r>', 'share of webhooks Shopify delivers twice', numberOption('duplicate-rate', 0, 1), 0.3)
    .option('--drop-rate <r>', 'share of webhooks Shopify never sends (reconciliation finds what they leave out)', numberOption('drop-rate', 0, 1), 0.02)
    .option('--returning-rate <r>', 'share of orders from returning customers', numberOption('returning-rate', 0, 1), 0.3)
    .option('--guest-rate <r>', 'share of guest checkouts', numberOption('guest-rate', 0, 1), 0.1)
    .option('--pending-rate <r>', 'share of orders placed unpaid (later paid, or cancelled)', numberOption('pending-rate', 0, 1), 0.2)
    .option('--refund-rate <r>', 'share of paid orders partly refunded', numberOption('refund-rate', 0, 1), 0.1)
    .option('--edit-rate <r>', 'share of unpaid orders edited before payment', numberOption('edit-rate', 0, 1), 0.3)
    .option('--delivery-rate <r>', 'share of booked, paid orders shipped from ERPNext (a Delivery Note with a tracking number)', numberOption('delivery-rate', 0, 1), 0.3)
    .option('--manual-stock-changes <n>', 'items whose stock the merchant changes by hand in Shopify (distinct SKUs): surfaced as drift', wholeNumberOption('manual-stock-changes', 0, 10), 3)
    .option('--seed <n>', 'seed for the simulated shop', numberOption('seed', 0, 2 ** 31), 1)
    .option('--concurrency <n>', 'worker concurrency', numberOption('concurrency', 1, 64), 4)
    .option('--runners <n>', 'run N `shopsync serve` processes on the --store PostgreSQL database instead of one runner in-process on SQLite (one is SIGKILLed mid-run)', wholeNumberOption('runners', 1, 8))
    .option('--store <url>', 'with --runners: the PostgreSQL database (postgres://…) the runners share; the run works in a fresh schema of it, dropped at the end')
    .option('--json', 'print one JSON object')
    .action(async (options: DemoCommandOptions) => {
      if ((options.runners === undefined) !== (options.store === undefined)) throw new Error('--runners and --store go together: --runners N --store postgres://…');
      const progress = options.json ? () => undefined : (line: string) => process.stderr.write(`… ${line}\n`);
      const demo = { ...options, workerConcurrency: options.concurrency };
      const summary =
        options.runners === undefined || options.store === undefined
          ? await runDemo(demo, progress)
          : await runFleetDemo(demo, { storeUrl: options.store, runners: options.runners, env: ctx.env }, progress);
      process.stdout.write(`${options.json ? JSON.stringify(summary) : summaryText(summary)}\n`);
      process.exitCode = demoSucceeded(summary) ? 0 : 1;
    });
}
