import type { ReconcileStockResult } from '../reconcile/reconcile-stock';
import type { ReconcileCustomersResult } from '../reconcile/reconcile-customers';
import { createLogger } from '../logging/create-logger';
import { logReconcileEvents } from '../reconcile/log-reconcile-events';
import { progressGate, progressLine, type ReconcileEvent } from '../reconcile/reconcile-events';
import type { ReconcileShopResult } from '../reconcile/reconcile-shop';
import type { CliContext } from './cli-context';

/**
 * Exit codes of `reconcile` (README "Commands"). Drift and incompleteness are separate bits, so a
 * cron job alerting on drift still sees it when one order of 1,000 timed out: 5 is both.
 */
export const RECONCILE_EXIT = { clean: 0, drift: 1, badArguments: 2, incomplete: 4 } as const;

export interface ReconcileReport {
  readonly since: string;
  readonly until: string | null;
  /** Sums over the shops; the orders themselves (drift findings, not-compared reasons) are in `shops`. */
  readonly totals: { readonly listed: number; readonly compared: number; readonly drifted: number; readonly repaired: number; readonly notCompared: number; readonly stoppedShops: number };
  /** False when an order, a customer or a whole shop could not be compared. */
  readonly complete: boolean;
  readonly shops: readonly ReconcileShopResult[];
  /** Stock per mapped location, while the inventory flow is on (empty otherwise). */
  readonly stock: readonly ReconcileStockResult[];
  /** Customers changed in the window, per shop, while the customers flow is not off (empty otherwise). */
  readonly customers: readonly ReconcileCustomersResult[];
  /** Shops that failed outside their reads (the state store, a bug): nothing of theirs is reported. */
  readonly failed: ReadonlyArray<{ readonly shop: string; readonly error: string }>;
}

export function reconcileReport(
  window: { since: string; until: string | null },
  shops: readonly ReconcileShopResult[],
  failed: ReconcileReport['failed'],
  stock: readonly ReconcileStockResult[] = [],
  customers: readonly ReconcileCustomersResult[] = [],
): ReconcileReport {
  const sum = (pick: (shop: ReconcileShopResult) => number) => shops.reduce((total, shop) => total + pick(shop), 0);
  const totals = {
    listed: sum((s) => s.listed),
    compared: sum((s) => s.compared),
    drifted: sum((s) => s.drifted.length),
    repaired: sum((s) => s.repairsEnqueued),
    notCompared: sum((s) => s.notCompared.length),
    stoppedShops: shops.filter((s) => s.stopped !== null).length,
  };
  // `totals` stay the orders' (scripts read them); customers count towards completeness here and drift in the exit code.
  const customersComplete = customers.every((shop) => shop.notCompared.length === 0 && shop.stopped === null);
  return { ...window, totals, complete: totals.notCompared === 0 && totals.stoppedShops === 0 && failed.length === 0 && customersComplete, shops, stock, customers, failed };
}

export function reconcileExitCode(report: ReconcileReport): number {
  const stockDrift = report.stock.some((shop) => shop.mismatches.length > 0);
  const customerDrift = report.customers.some((shop) => shop.drifted.length > 0);
  return (report.totals.drifted > 0 || stockDrift || customerDrift ? RECONCILE_EXIT.drift : 0) | (report.complete ? 0 : RECONCILE_EXIT.incomplete);
}

export function reconcileSummaryText(report: ReconcileReport, repair: boolean): string {
  const { totals } = report;
  // The conclusion speaks for orders and customers together; stock has its own line.
  const customers = report.customers;
  const what = customers.length > 0 ? 'order and customer' : 'order';
  const drifted = totals.drifted + customers.reduce((n, s) => n + s.drifted.length, 0);
  const repaired = totals.repaired + customers.reduce((n, s) => n + s.repairsEnqueued, 0);
  const recorded = [...report.shops, ...customers].reduce((n, s) => n + s.findingsRecorded, 0);
  const conclusion =
    drifted === 0
      ? report.complete
        ? `ERPNext holds every ${what} as Shopify does`
        : `ERPNext holds every compared ${what} as Shopify does; run again for those not compared`
      : repair
        ? `enqueued ${repaired} repairs; a running \`shopsync serve\` applies them (keyed writes: nothing is booked twice)`
        : `recorded ${recorded} new drift failures (\`shopsync failures list --category drift\`, and Sync Failure in the Desk once \`serve\` mirrors them): requeue one to repair it, or run again with --repair to enqueue every drifted ${what} now`;
  return [
    `orders changed since ${report.since}: ${totals.listed}; compared with ERPNext: ${totals.compared}; drifted: ${totals.drifted}; not compared: ${totals.notCompared}`,
    ...report.shops.flatMap((shop) => shop.drifted.flatMap((order) => order.findings.map((finding) => `drift: ${shop.shop} ${order.name}: ${finding.message}`))),
    ...report.shops.flatMap((shop) => shop.notCompared.map((order) => `not compared: ${shop.shop} ${order.name}: ${order.code}: ${order.reason}`)),
    ...report.shops.flatMap((shop) => (shop.stopped === null ? [] : [`stopped: ${shop.shop}: ${shop.stopped.code}: ${shop.stopped.reason}; ${shop.stopped.unvisited} orders left unvisited`])),
    ...report.stock.flatMap((shop) => [
      `stock of ${shop.shop}: ${shop.compared} items × locations compared; differing: ${shop.mismatches.length}${shop.mismatches.length > 0 ? (repair ? `; ${shop.repairsEnqueued} pushes of ERPNext's quantity enqueued` : `; ${shop.findingsRecorded} new drift failures recorded (Retry pushes ERPNext's quantity)`) : ''}`,
      ...shop.mismatches.map((m) => `stock drift: ${shop.shop} ${m.sku} at location ${m.locationId}: Shopify ${m.shopify}, ERPNext ${m.erpnext}`),
    ]),
    ...report.customers.flatMap(customerLines),
    ...report.failed.map((shop) => `failed: ${shop.shop}: ${shop.error}`),
    conclusion,
  ].join('\n');
}

/** A shop's customers in the summary: the counts, each difference, each customer not compared, a stop. */
function customerLines(shop: ReconcileCustomersResult): string[] {
  return [
    `customers of ${shop.shop} changed in the window: ${shop.listed}; compared with ERPNext: ${shop.compared}; drifted: ${shop.drifted.length}; not compared: ${shop.notCompared.length}`,
    ...shop.drifted.flatMap((customer) => customer.findings.map((finding) => `customer drift: ${shop.shop} ${customer.name}: ${finding.message}`)),
    ...shop.notCompared.map((customer) => `customer not compared: ${shop.shop} ${customer.name}: ${customer.code}: ${customer.reason}`),
    ...(shop.stopped === null ? [] : [`customers stopped: ${shop.shop}: ${shop.stopped.code}: ${shop.stopped.reason}; ${shop.stopped.unvisited} customers left unvisited`]),
  ];
}

/**
 * Renders reconcile events on stderr while the run goes on: human lines in text mode; with --json,
 * pino JSON lines, so stdout keeps only the final object.
 */
export function reconcileProgress(ctx: CliContext, json: boolean | undefined): (event: ReconcileEvent) => void {
  if (json) return logReconcileEvents(createLogger({ level: 'info', destination: { write: (line: string) => ctx.io.err(line) } }), ctx.now);
  const due = progressGate(ctx.now);
  return (event) => {
    if (event.type === 'progress' && due(event.counts)) ctx.io.err(progressLine(event.counts));
    if (event.type === 'retry') ctx.io.err(`reconcile ${event.shop}: ${event.order ?? 'listing'}: ${event.code}, retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt} failed)`);
    if (event.type === 'not_compared') ctx.io.err(`reconcile ${event.shop}: ${event.order.name} not compared: ${event.order.code}: ${event.order.reason}`);
    if (event.type === 'stopped') ctx.io.err(`reconcile ${event.shop} stopped: ${event.stop.code}: ${event.stop.reason}`);
  };
}
