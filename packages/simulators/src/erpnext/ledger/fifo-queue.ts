/** `[qty, rate]` bins, oldest first: ERPNext's `stock_queue` (erpnext/stock/valuation.py). */
export type StockQueue = Array<[number, number]>;

/** What an item holds in one warehouse after a ledger entry. */
export interface Balance {
  readonly qty: number;
  readonly rate: number;
  readonly value: number;
  readonly queue: StockQueue;
}

export const EMPTY_BALANCE: Balance = { qty: 0, rate: 0, value: 0, queue: [] };

// Float noise from repeated multiplication must not leak into compared quantities.
const round = (n: number, places: number): number => Math.round((n + Number.EPSILON) * 10 ** places) / 10 ** places;
export const qtyOf = (n: number): number => round(n, 9);
/** `flt(stock_value, currency_precision)`: SLE and Bin values are kept to the cent. */
export const moneyOf = (n: number): number => round(n, 2);

function settle(qty: number, queue: StockQueue, previousRate: number): Balance {
  const value = queue.reduce((sum, [q, r]) => sum + q * r, 0);
  // With nothing left the rate stays what it was, as update_entries_after keeps wh_data.valuation_rate.
  const rate = qty > 0 ? round(value / qty, 9) : previousRate;
  return { qty: qtyOf(qty), rate, value: qty === 0 ? 0 : moneyOf(value), queue: queue.length > 0 ? queue : [[0, rate]] };
}

/** `FIFOValuation.add_stock`: same rate as the last bin merges, else a new bin (Stock Settings default FIFO). */
export function receive(balance: Balance, qty: number, rate: number): Balance {
  const queue: StockQueue = balance.queue.filter(([q]) => q !== 0).map(([q, r]) => [q, r]);
  const last = queue[queue.length - 1];
  if (last && last[1] === rate) last[0] = qtyOf(last[0] + qty);
  else if (last && last[0] < 0) {
    // A negative bin is filled first; a positive remainder takes the incoming rate.
    const merged = qtyOf(last[0] + qty);
    queue[queue.length - 1] = merged > 0 ? [merged, rate] : [merged, last[1]];
  } else queue.push([qty, rate]);
  return settle(balance.qty + qty, queue, rate);
}

/** `FIFOValuation.remove_stock`: consumes the oldest bins first; returns the value taken out. */
export function issue(balance: Balance, qty: number): { balance: Balance; outgoingValue: number } {
  const queue: StockQueue = balance.queue.filter(([q]) => q !== 0).map(([q, r]) => [q, r]);
  let left = qty;
  let taken = 0;
  while (left > 1e-9 && queue.length > 0) {
    const head = queue[0] as [number, number];
    const used = Math.min(head[0], left);
    taken += used * head[1];
    left = qtyOf(left - used);
    head[0] = qtyOf(head[0] - used);
    if (head[0] <= 0) queue.shift();
  }
  // Short of stock: a negative bin at the last known rate (rejected later as NegativeStockError).
  if (left > 1e-9) {
    queue.push([-left, balance.rate]);
    taken += left * balance.rate;
  }
  return { balance: settle(balance.qty - qty, queue, balance.rate), outgoingValue: moneyOf(taken) };
}

/** A Stock Reconciliation asserts the balance: one bin at the given rate. */
export function reconcile(qty: number, rate: number): Balance {
  return { qty: qtyOf(qty), rate, value: qty === 0 ? 0 : moneyOf(qty * rate), queue: [[qtyOf(qty), rate]] };
}
