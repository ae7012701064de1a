import type { InboxCounts } from '@shopsync/runner';
import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';
import type { DemoSummary } from './demo-options';
import type { StockFindings } from './stock-findings';
import { summariseErpnext } from './summarise-erpnext';

/** What a demo run (one runner, or a fleet on PostgreSQL) found, from the simulators and the shared store. */
export interface RunFindings {
  readonly orders: number;
  readonly counts: InboxCounts;
  readonly shopify: ShopifySimulator;
  readonly erp: ErpnextSimulator;
  /** Orders a reconciliation round found and repaired, and what the final round still found or could not compare. */
  readonly drifted: ReadonlySet<string>;
  readonly after: { readonly drifted: readonly unknown[]; readonly notCompared: readonly unknown[] };
  readonly skus: readonly string[];
  readonly moves: readonly string[];
  readonly notes: readonly string[];
  readonly manual: readonly unknown[];
  readonly stock: StockFindings;
  readonly started: number;
  readonly stateDir: string;
}

/** The summary both demos print and judge (demoSucceeded, stockSucceeded). */
export function summariseRun(run: RunFindings): Omit<DemoSummary, 'fleet'> {
  const { counts, stock } = run;
  const stats = run.shopify.webhooks.stats();
  return {
    orders: run.orders,
    webhooksTriggered: stats.uniqueDeliveries,
    deliveries: counts.deliveries,
    duplicateDeliveries: counts.duplicateDeliveries,
    eventsStored: counts.deliveries - counts.duplicateDeliveries,
    droppedWebhooks: stats.dropped,
    driftFound: run.drifted.size,
    driftRepaired: run.drifted.size - run.after.drifted.length,
    driftRemaining: run.after.drifted.length,
    notReconciled: run.after.notCompared.length,
    ...summariseErpnext(run.erp, run.shopify),
    applied: counts.byStatus.applied ?? 0,
    failed: counts.byStatus.failed ?? 0,
    stockItems: run.skus.length,
    stockMoves: run.moves.length,
    deliveryNotes: run.notes.length,
    manualStockChanges: run.manual.length,
    stockPushes: stock.stockPushes,
    inventoryMismatches: stock.inventoryMismatches,
    inventoryMismatchList: stock.mismatchDetails,
    echoesRecognised: stock.echoesRecognised,
    echoesApplied: stock.echoesApplied,
    stockDriftDetected: stock.stockDriftDetected,
    stockDriftFromLostWebhooks: stock.stockDriftFromLostWebhooks,
    stockDriftRepaired: stock.stockDriftRepaired,
    fulfillmentsPushed: stock.fulfillmentsPushed,
    deliveryNotesWithoutFulfillment: stock.deliveryNotesWithoutFulfillment,
    shopifyThrottledFailures: stock.shopifyThrottledFailures,
    erpnextRequests: run.erp.requests.count,
    elapsedMs: Date.now() - run.started,
    stateDir: run.stateDir,
  };
}
