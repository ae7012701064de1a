import { issue } from '../ledger/fifo-queue';
import { cancelStock, fallbackRate, postStock } from '../ledger/post-stock';
import { currentBalance } from '../ledger/replay-chain';
import { throwNotAvailable } from '../ledger/stock-errors';
import type { StockMove } from '../ledger/stock-ledger-entry';
import { childRows } from '../model/new-doc';
import { DOC_ACTIONS, findDoc, type Controller, type Ctx, type SavePhase } from '../site/site';
import type { Doc } from '../types';
import { round2 } from './selling-details';
import { SIMULATED_PURPOSES, validateItems, validateWarehouses } from './stock-entry-rows';
import { companyStockDefaults, fillStockRow, setPostingNow } from './stock-voucher-defaults';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const editing = (phase: SavePhase): boolean => phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit;

/** `purpose` is fetched from the Stock Entry Type; a body giving only the purpose gets the standard type. */
function setPurpose(ctx: Ctx, doc: Doc): void {
  if (!doc.stock_entry_type && doc.purpose) {
    doc.stock_entry_type = [...ctx.site.store.scan('Stock Entry Type')].find((t) => t.purpose === doc.purpose)?.name ?? null;
  }
  const type = doc.stock_entry_type ? findDoc(ctx, 'Stock Entry Type', String(doc.stock_entry_type)) : undefined;
  if (type) doc.purpose = type.purpose;
}

/**
 * `set_actual_qty` + `calculate_rate_and_amount`: an outgoing row is valued at what FIFO takes out
 * of its source, an incoming row at its `basic_rate` (or the warehouse's last rate). On submit a
 * row asking for more than its source holds is a NegativeStockError, before any ledger entry.
 */
function computeRates(ctx: Ctx, doc: Doc, submitting: boolean): void {
  let outgoing = 0;
  let incoming = 0;
  for (const row of childRows(doc, 'items')) {
    const itemCode = String(row.item_code ?? '');
    const qty = num(row.transfer_qty);
    if (row.s_warehouse) {
      const balance = currentBalance(ctx, itemCode, String(row.s_warehouse));
      row.actual_qty = balance.qty;
      if (submitting && balance.qty < qty) throwNotAvailable(ctx, doc, row, balance.qty, qty);
      const rate = qty > 0 ? issue(balance, qty).outgoingValue / qty : 0;
      if (rate > 0) row.basic_rate = rate;
    } else if (row.t_warehouse) {
      row.actual_qty = currentBalance(ctx, itemCode, String(row.t_warehouse)).qty;
      if (num(row.allow_zero_valuation_rate) === 1) row.basic_rate = 0;
      else if (!num(row.basic_rate)) row.basic_rate = fallbackRate(ctx, itemCode, String(row.t_warehouse));
    }
    row.basic_amount = round2(qty * num(row.basic_rate));
    row.valuation_rate = num(row.basic_rate);
    row.amount = row.basic_amount;
    if (row.s_warehouse) outgoing += num(row.basic_amount);
    if (row.t_warehouse) incoming += num(row.amount);
  }
  doc.total_outgoing_value = round2(outgoing);
  doc.total_incoming_value = round2(incoming);
  doc.value_difference = round2(incoming - outgoing);
  doc.total_amount = round2(childRows(doc, 'items').reduce((sum, row) => sum + num(row.amount), 0));
}

/** Sources first, then targets, as `update_stock_ledger` builds them. */
function moves(doc: Doc): StockMove[] {
  const rows = childRows(doc, 'items');
  const base = (row: Doc) => ({ itemCode: String(row.item_code), voucherDetailNo: String(row.name), allowZeroValuation: num(row.allow_zero_valuation_rate) === 1 });
  return [
    ...rows.filter((row) => row.s_warehouse).map((row) => ({ ...base(row), warehouse: String(row.s_warehouse), actualQty: -num(row.transfer_qty) })),
    ...rows.filter((row) => row.t_warehouse).map((row) => ({ ...base(row), warehouse: String(row.t_warehouse), actualQty: num(row.transfer_qty), incomingRate: num(row.valuation_rate) })),
  ];
}

/** ERPNext's `stock_entry.py` for Material Receipt, Material Issue and Material Transfer. */
export const stockEntryController: Controller = {
  prepare(ctx, doc, phase) {
    if (!editing(phase)) return;
    setPostingNow(ctx, doc);
    setPurpose(ctx, doc);
    const defaults = companyStockDefaults(ctx, doc.company);
    for (const row of childRows(doc, 'items')) {
      fillStockRow(ctx, row);
      if (!row.expense_account) row.expense_account = defaults.expenseAccount;
      if (!row.cost_center) row.cost_center = defaults.costCenter;
    }
  },
  validate(ctx, doc, phase) {
    if (!editing(phase) || !doc.purpose) return;
    if (!SIMULATED_PURPOSES.has(String(doc.purpose))) {
      ctx.log.throw(`The ERPNext simulator does not model Stock Entry purpose "${String(doc.purpose)}"`, 'ValidationError');
    }
    validateItems(ctx, doc);
    validateWarehouses(ctx, doc);
    computeRates(ctx, doc, phase.action === DOC_ACTIONS.submit);
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) postStock(ctx, doc, moves(doc));
    else if (phase.action === DOC_ACTIONS.cancel) cancelStock(ctx, doc);
    return doc;
  },
};
