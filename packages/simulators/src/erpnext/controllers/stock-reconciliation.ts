import { cancelStock, postStock } from '../ledger/post-stock';
import { currentBalance } from '../ledger/replay-chain';
import type { StockMove } from '../ledger/stock-ledger-entry';
import { childRows } from '../model/new-doc';
import { DOC_ACTIONS, findDoc, type Controller, type Ctx, type SavePhase } from '../site/site';
import type { Doc } from '../types';
import { removeUnchanged, setAmounts, validateData } from './stock-reconciliation-rows';
import { companyStockDefaults, fillStockRow, setPostingNow } from './stock-voucher-defaults';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const editing = (phase: SavePhase): boolean => phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit;

/** `validate_expense_account`: an opening entry must not post its difference to profit and loss. */
function validateExpenseAccount(ctx: Ctx, doc: Doc): void {
  if (!doc.expense_account) ctx.log.throw('Please enter Expense Account', 'ValidationError', { erpnext: true });
  const account = findDoc(ctx, 'Account', String(doc.expense_account));
  const profitAndLoss = account?.root_type === 'Income' || account?.root_type === 'Expense';
  const firstEntry = [...ctx.site.store.scan('Stock Ledger Entry')].length === 0;
  if (profitAndLoss && (doc.purpose === 'Opening Stock' || firstEntry)) {
    ctx.log.throw('Difference Account must be a Asset/Liability type account, since this Stock Reconciliation is an Opening Entry', 'OpeningEntryAccountError', { erpnext: true });
  }
}

/**
 * `update_stock_ledger`: one entry per changed row, `actual_qty` 0 and the new balance in
 * `qty_after_transaction` (v15 `get_sle_for_items`), so a ledger tail must read that field for
 * this voucher type. A quantity without any rate is "Valuation Rate required ...".
 */
function moves(ctx: Ctx, doc: Doc): StockMove[] {
  const out: StockMove[] = [];
  for (const row of childRows(doc, 'items')) {
    const now = currentBalance(ctx, String(row.item_code), String(row.warehouse));
    if (num(row.qty) && !num(row.valuation_rate) && num(row.allow_zero_valuation_rate) !== 1) {
      ctx.log.throw(`Valuation Rate required for Item ${String(row.item_code)} at row ${String(row.idx)}`, 'ValidationError', { erpnext: true });
    }
    if (num(row.qty) === now.qty && (num(row.valuation_rate) === now.rate || num(row.qty) === 0)) continue;
    const reconcile = { qty: num(row.qty), valuationRate: num(row.valuation_rate) };
    out.push({ itemCode: String(row.item_code), warehouse: String(row.warehouse), voucherDetailNo: String(row.name), actualQty: 0, reconcile });
  }
  if (out.length === 0) ctx.log.throw('No stock ledger entries were created. Please set the quantity or valuation rate for the items properly and try again.', 'ValidationError', { erpnext: true });
  return out;
}

/** `get_sle_for_items` on cancel: the reversal restores the quantity the row found (`current_qty`). */
function reversal(doc: Doc): (original: Doc) => Partial<Doc> {
  return (original) => {
    const row = childRows(doc, 'items').find((r) => r.name === original.voucher_detail_no);
    if (!row) return {};
    const difference = -num(row.amount_difference);
    if (num(row.current_qty)) {
      const rate = num(row.current_valuation_rate);
      return { actual_qty: num(row.current_qty), qty_after_transaction: num(row.current_qty), valuation_rate: rate, stock_value: num(row.current_qty) * rate, stock_value_difference: difference };
    }
    return { actual_qty: -num(row.qty), qty_after_transaction: 0, valuation_rate: num(row.valuation_rate), stock_value_difference: difference };
  };
}

/** ERPNext's `stock_reconciliation.py` for items without serial or batch numbers. */
export const stockReconciliationController: Controller = {
  prepare(ctx, doc, phase) {
    if (!editing(phase)) return;
    setPostingNow(ctx, doc);
    const defaults = companyStockDefaults(ctx, doc.company);
    if (!doc.expense_account) doc.expense_account = defaults.expenseAccount;
    if (!doc.cost_center) doc.cost_center = defaults.costCenter;
    for (const row of childRows(doc, 'items')) {
      fillStockRow(ctx, row);
      if (!row.warehouse && doc.set_warehouse) row.warehouse = doc.set_warehouse;
    }
  },
  validate(ctx, doc, phase) {
    if (!editing(phase) || childRows(doc, 'items').length === 0) return;
    removeUnchanged(ctx, doc);
    validateData(ctx, doc);
    validateExpenseAccount(ctx, doc);
    setAmounts(doc);
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) postStock(ctx, doc, moves(ctx, doc));
    else if (phase.action === DOC_ACTIONS.cancel) cancelStock(ctx, doc, reversal(doc));
    return doc;
  },
};
