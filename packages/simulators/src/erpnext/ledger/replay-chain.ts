import { setBinBalance } from '../controllers/stock-bins';
import type { Ctx } from '../site/site';
import type { Doc } from '../types';
import { EMPTY_BALANCE, issue, moneyOf, receive, reconcile, type Balance } from './fifo-queue';
import { liveEntries, SLE } from './stock-ledger-entry';

const num = (value: unknown): number => Number(value ?? 0) || 0;
// `is_negative_with_precision`: a shortfall below the float precision is no shortfall.
const NEGATIVE = -0.0001;

export interface ChainResult {
  readonly balance: Balance;
  /** The first entry the chain left below zero, if any: what NegativeStockError reports. */
  readonly negative?: Doc;
}

function apply(balance: Balance, entry: Doc): Balance {
  if (entry.voucher_type === 'Stock Reconciliation' && num(entry.actual_qty) === 0) return reconcile(num(entry.qty_after_transaction), num(entry.valuation_rate));
  const qty = num(entry.actual_qty);
  // The rate was settled when the entry was posted (see post-stock.ts), so it is taken as it is.
  if (qty >= 0) return receive(balance, qty, num(entry.incoming_rate));
  return issue(balance, -qty).balance;
}

/**
 * `update_entries_after` plus `update_qty_in_future_sle`, reduced to one rule: replay every live
 * entry of an item in a warehouse in posting order (FIFO, the setup wizard's valuation method)
 * and rewrite the running fields that changed. A repost does not touch `modified`. The Bin then
 * takes the final balance (`update_bin`).
 */
export function replayChain(ctx: Ctx, itemCode: string, warehouse: string): ChainResult {
  let balance = EMPTY_BALANCE;
  let negative: Doc | undefined;
  for (const entry of liveEntries(ctx, itemCode, warehouse)) {
    const previousValue = balance.value;
    balance = apply(balance, entry);
    const running = {
      qty_after_transaction: balance.qty,
      valuation_rate: balance.rate,
      stock_value: balance.value,
      stock_value_difference: moneyOf(balance.value - previousValue),
      stock_queue: JSON.stringify(balance.queue),
    };
    const changed = Object.entries(running).some(([key, value]) => entry[key] !== value);
    if (changed) ctx.site.store.put(SLE, { ...entry, ...running });
    if (!negative && balance.qty < NEGATIVE) negative = { ...entry, ...running };
  }
  setBinBalance(ctx, itemCode, warehouse, balance);
  return negative ? { balance, negative } : { balance };
}

/** The balance after the last live entry: `get_previous_sle` at "now". */
export function currentBalance(ctx: Ctx, itemCode: string, warehouse: string): Balance {
  let balance = EMPTY_BALANCE;
  for (const entry of liveEntries(ctx, itemCode, warehouse)) balance = apply(balance, entry);
  return balance;
}
