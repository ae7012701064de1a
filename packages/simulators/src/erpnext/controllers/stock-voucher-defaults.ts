import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';

/**
 * `validate_posting_time`: unless "Edit Posting Date and Time" is ticked, a stock voucher posts at
 * the moment it is saved, whatever date and time the body carried.
 */
export function setPostingNow(ctx: Ctx, doc: Doc): void {
  if (Number(doc.set_posting_time ?? 0) === 1 && doc.posting_date) return;
  const stamp = ctx.site.clock.stamp();
  doc.posting_date = stamp.slice(0, 10);
  doc.posting_time = stamp.slice(11);
}

/** The company's Stock Adjustment account and default cost center, ERPNext's stock defaults. */
export function companyStockDefaults(ctx: Ctx, company: unknown): { expenseAccount: string | null; costCenter: string | null } {
  const found = findDoc(ctx, 'Company', String(company ?? ctx.site.defaults.company));
  return {
    expenseAccount: (found?.stock_adjustment_account as string | undefined) ?? null,
    costCenter: (found?.cost_center as string | undefined) ?? ctx.site.defaults.costCenter,
  };
}

/** Item name, description, UOMs and conversion for a stock row whose Item exists (`get_item_details`). */
export function fillStockRow(ctx: Ctx, row: Doc): Doc | undefined {
  const item = row.item_code ? findDoc(ctx, 'Item', String(row.item_code)) : undefined;
  if (!item) return undefined;
  row.item_name = item.item_name ?? item.name;
  if ('description' in row && !row.description) row.description = item.description ?? row.item_name;
  if ('stock_uom' in row) row.stock_uom = item.stock_uom;
  if ('uom' in row && !row.uom) row.uom = item.stock_uom;
  if ('conversion_factor' in row && !(Number(row.conversion_factor) > 0)) row.conversion_factor = 1;
  return item;
}
