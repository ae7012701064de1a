import { alignOpeningStock, STOCK_VOUCHER_DOCTYPES, syncedSkus, type StockWorkload } from './stock-workload';

/** The stock both demos start from: the SKUs both systems hold, aligned, and the vouchers already there. */
export interface OpeningStock {
  readonly skus: string[];
  /** What was changed in ERPNext so its opening stock matches Shopify's (one line each). */
  readonly aligned: string[];
  /** Stock vouchers that existed before the sync started: not the demo's own, never drift. */
  readonly knownVouchers: ReadonlySet<string>;
}

/** Checks --manual-stock-changes against the SKUs both systems hold, then aligns ERPNext's opening stock. */
export async function prepareOpeningStock(workload: StockWorkload, manualStockChanges: number): Promise<OpeningStock> {
  const skus = syncedSkus(workload.shopify, workload.erp);
  if (!Number.isInteger(manualStockChanges) || manualStockChanges < 0 || manualStockChanges > skus.length) {
    throw new Error(`--manual-stock-changes must be a whole number from 0 to ${skus.length} (the SKUs both systems hold), got ${manualStockChanges}`);
  }
  const aligned = await alignOpeningStock(workload, skus);
  const knownVouchers = new Set(STOCK_VOUCHER_DOCTYPES.flatMap((doctype) => workload.erp.docs(doctype).map((doc) => `${doctype} ${String(doc.name)}`)));
  return { skus, aligned, knownVouchers };
}
