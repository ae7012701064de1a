/** One Stock Ledger Entry as the tailer reads it (ERPNext's own field names). */
export interface StockLedgerRow {
  readonly name: string;
  /** `YYYY-MM-DD HH:MM:SS[.ffffff]` on the site's clock (no fraction when it is zero): the order entries were committed in, nearly. */
  readonly creation: string;
  readonly item_code: string;
  readonly warehouse: string;
  readonly voucher_type: string;
  readonly voucher_no: string;
  readonly actual_qty: number;
  readonly is_cancelled: number;
}

/**
 * Where the tail stands: the newest `creation` read, and the names read at or after the start of the
 * overlap window. A transaction that started before a later one can commit after it, so its entries
 * appear with an older `creation` than the cursor: every read starts `overlapMs` before the cursor and
 * drops the names already seen, so a late entry is taken once and an entry read twice is taken once.
 */
export interface StockLedgerCursor {
  readonly creation: string | null;
  readonly seen: ReadonlyArray<{ readonly name: string; readonly creation: string }>;
}

export const START_OF_LEDGER: StockLedgerCursor = { creation: null, seen: [] };

/** ERPNext writes `creation` without the fraction when it is zero: compared as text, it gets one. */
export function normalCreation(creation: string): string {
  const [whole, fraction = ''] = creation.split('.');
  return `${whole}.${fraction.padEnd(6, '0').slice(0, 6)}`;
}

function instantOf(creation: string): number {
  return Date.parse(`${creation.slice(0, 23).replace(' ', 'T')}Z`);
}

function formatCreation(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '000');
}

/** The `creation >=` bound of the next read: the cursor minus the overlap window (null: from the start). */
export function readFrom(cursor: StockLedgerCursor, overlapMs: number): string | null {
  return cursor.creation === null ? null : formatCreation(instantOf(cursor.creation) - overlapMs);
}

/**
 * The entries of a read not taken before, and the cursor after them. Names older than the overlap
 * window are forgotten (a read never reaches back to them), so `seen` stays as small as the window.
 */
export function advanceStockLedger(cursor: StockLedgerCursor, rows: readonly StockLedgerRow[], overlapMs: number): { fresh: StockLedgerRow[]; cursor: StockLedgerCursor } {
  const seen = new Set(cursor.seen.map((entry) => entry.name));
  const fresh = rows.filter((row) => !seen.has(row.name));
  const newest = [cursor.creation, ...rows.map((row) => normalCreation(row.creation))].filter((c): c is string => c !== null).sort().at(-1) ?? null;
  if (newest === null) return { fresh, cursor };
  const keepFrom = formatCreation(instantOf(newest) - overlapMs);
  const kept = [...cursor.seen, ...fresh.map((row) => ({ name: row.name, creation: normalCreation(row.creation) }))].filter((entry) => entry.creation >= keepFrom);
  return { fresh, cursor: { creation: newest, seen: kept } };
}
