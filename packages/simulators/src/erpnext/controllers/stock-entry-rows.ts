import { childRows } from '../model/new-doc';
import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeBold } from '../wire/message-log';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** `validate_warehouse`'s purpose lists (stock_entry.py, v15). */
const SOURCE_MANDATORY = new Set(['Material Issue', 'Material Transfer', 'Send to Subcontractor', 'Material Transfer for Manufacture', 'Material Consumption for Manufacture']);
const TARGET_MANDATORY = new Set(['Material Receipt', 'Material Transfer', 'Send to Subcontractor', 'Material Transfer for Manufacture']);
/** The purposes whose stock rules the simulator models; the rest need BOMs and work orders. */
export const SIMULATED_PURPOSES = new Set(['Material Receipt', 'Material Issue', 'Material Transfer']);

/** `validate_item`: positive quantities of stock items only. */
export function validateItems(ctx: Ctx, doc: Doc): void {
  for (const row of childRows(doc, 'items')) {
    if (num(row.qty) < 0) ctx.log.throw(`Row ${String(row.idx)}: The item ${frappeBold(String(row.item_code))}, quantity must be positive number`, 'ValidationError', { erpnext: true });
    const item = findDoc(ctx, 'Item', String(row.item_code ?? ''));
    if (item && num(item.is_stock_item) !== 1) ctx.log.throw(`${String(row.item_code)} is not a stock Item`, 'ValidationError', { erpnext: true });
    row.transfer_qty = num(row.qty) * (num(row.conversion_factor) || 1);
  }
}

/**
 * `validate_warehouse`: a receipt has no source, an issue no target (both are cleared), the header
 * defaults fill empty rows, and each purpose insists on the side it moves stock through.
 */
export function validateWarehouses(ctx: Ctx, doc: Doc): void {
  const purpose = String(doc.purpose ?? '');
  const sourceOnly = SOURCE_MANDATORY.has(purpose) && !TARGET_MANDATORY.has(purpose);
  const targetOnly = TARGET_MANDATORY.has(purpose) && !SOURCE_MANDATORY.has(purpose);
  if (sourceOnly) doc.to_warehouse = null;
  if (targetOnly) doc.from_warehouse = null;
  for (const row of childRows(doc, 'items')) {
    if (sourceOnly) row.t_warehouse = null;
    if (targetOnly) row.s_warehouse = null;
    if (!row.s_warehouse && !row.t_warehouse) {
      row.s_warehouse = doc.from_warehouse ?? null;
      row.t_warehouse = doc.to_warehouse ?? null;
    }
    if (SOURCE_MANDATORY.has(purpose) && !row.s_warehouse) {
      if (doc.from_warehouse) row.s_warehouse = doc.from_warehouse;
      else ctx.log.throw(`Source warehouse is mandatory for row ${String(row.idx)}`, 'ValidationError', { erpnext: true });
    }
    if (TARGET_MANDATORY.has(purpose) && !row.t_warehouse) {
      if (doc.to_warehouse) row.t_warehouse = doc.to_warehouse;
      else ctx.log.throw(`Target warehouse is mandatory for row ${String(row.idx)}`, 'ValidationError', { erpnext: true });
    }
    // v15 lets a Material Transfer stay in one warehouse (inventory dimensions); others may not.
    if (text(row.s_warehouse) === text(row.t_warehouse) && purpose !== 'Material Transfer' && purpose !== 'Material Transfer for Manufacture') {
      ctx.log.throw(`Source and target warehouse cannot be same for row ${String(row.idx)}`, 'ValidationError', { erpnext: true });
    }
    if (!row.s_warehouse && !row.t_warehouse) ctx.log.throw('Atleast one warehouse is mandatory', 'ValidationError', { erpnext: true });
  }
}
