/**
 * The quantity offered in Shopify, as a sum and difference of ERPNext Bin fields: by default what is
 * on the shelf minus what Sales Orders already hold (`actual_qty - reserved_qty`), floored at 0 and
 * at whole units (Shopify counts whole units).
 */
export const BIN_QUANTITY_FIELDS = ['actual_qty', 'reserved_qty', 'projected_qty', 'ordered_qty', 'indented_qty', 'planned_qty', 'reserved_qty_for_production', 'reserved_qty_for_sub_contract', 'reserved_stock'] as const;
export type BinQuantityField = (typeof BIN_QUANTITY_FIELDS)[number];

export const DEFAULT_STOCK_FORMULA = 'actual_qty - reserved_qty';

export interface StockFormulaTerm {
  readonly sign: 1 | -1;
  readonly field: BinQuantityField;
}

export type StockFormula = readonly StockFormulaTerm[];

/** One Bin's quantities (the fields the formula names; a missing one counts as 0). */
export type BinQuantities = Readonly<Partial<Record<BinQuantityField, number>>>;

const TERM = /^([+-]?)\s*([a-z_]+)$/;

/** Parses "actual_qty - reserved_qty"; an unknown field or a stray character is an error naming it. */
export function parseStockFormula(text: string): { ok: true; formula: StockFormula } | { ok: false; error: string } {
  const spaced = text.trim().replace(/([+-])/g, ' $1 ').trim();
  if (spaced === '') return { ok: false, error: 'the formula is empty' };
  const tokens = spaced.split(/\s+/);
  const terms: StockFormulaTerm[] = [];
  for (let i = 0; i < tokens.length; ) {
    const signed = tokens[i] === '+' || tokens[i] === '-';
    if (!signed && i > 0) return { ok: false, error: `expected + or - before "${tokens[i]}"` };
    const field = signed ? tokens[i + 1] : tokens[i];
    const match = TERM.exec(field ?? '');
    if (match === null || !(BIN_QUANTITY_FIELDS as readonly string[]).includes(match[2]!)) {
      return { ok: false, error: `"${field ?? ''}" is not a Bin quantity field (one of ${BIN_QUANTITY_FIELDS.join(', ')})` };
    }
    terms.push({ sign: signed && tokens[i] === '-' ? -1 : 1, field: match[2] as BinQuantityField });
    i += signed ? 2 : 1;
  }
  return { ok: true, formula: terms };
}

/** The formula over the Bins of every warehouse of one location, summed, floored at 0 and to whole units. */
export function evaluateStockFormula(formula: StockFormula, bins: readonly BinQuantities[]): number {
  let total = 0;
  for (const bin of bins) for (const term of formula) total += term.sign * Number(bin[term.field] ?? 0);
  return Math.max(0, Math.floor(total + 1e-9));
}
