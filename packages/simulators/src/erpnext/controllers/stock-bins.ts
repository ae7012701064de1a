import { collate, findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';

export const BIN_QTY_FIELDS = [
  'actual_qty', 'reserved_qty', 'ordered_qty', 'indented_qty', 'planned_qty', 'projected_qty',
  'reserved_qty_for_production', 'reserved_qty_for_sub_contract', 'reserved_qty_for_production_plan', 'reserved_stock',
] as const;
type BinQty = (typeof BIN_QTY_FIELDS)[number];

/** `bin.py:set_projected_qty` (notes §9). */
function projected(bin: Doc): number {
  const q = (field: BinQty): number => Number(bin[field] ?? 0);
  return (
    q('actual_qty') + q('ordered_qty') + q('indented_qty') + q('planned_qty') - q('reserved_qty') -
    q('reserved_qty_for_production') - q('reserved_qty_for_sub_contract') - q('reserved_qty_for_production_plan')
  );
}

export function findBin(ctx: Ctx, itemCode: string, warehouse: string): Doc | undefined {
  for (const bin of ctx.site.store.scan('Bin')) {
    if (collate(bin.item_code) === collate(itemCode) && collate(bin.warehouse) === collate(warehouse)) return ctx.site.store.get('Bin', bin.name);
  }
  return undefined;
}

/** `get_or_make_bin`: one row per item and warehouse, created on first use with zeros. */
function binFor(ctx: Ctx, itemCode: string, warehouse: string, stamp: string): Doc {
  const existing = findBin(ctx, itemCode, warehouse);
  if (existing) return existing;
  const item = findDoc(ctx, 'Item', itemCode);
  return {
    name: ctx.site.randomHex(10),
    owner: ctx.user,
    creation: stamp,
    modified: stamp,
    modified_by: ctx.user,
    docstatus: 0,
    idx: 0,
    item_code: item?.name ?? itemCode,
    warehouse,
    ...Object.fromEntries(BIN_QTY_FIELDS.map((f) => [f, 0])),
    valuation_rate: 0,
    stock_value: 0,
    stock_uom: item?.stock_uom ?? null,
    doctype: 'Bin',
  };
}

function save(ctx: Ctx, bin: Doc, stamp: string): Doc {
  bin.projected_qty = projected(bin);
  bin.modified = stamp;
  ctx.site.store.put('Bin', bin);
  return bin;
}

/**
 * Moves a Bin's planning quantities (`reserved_qty` from Sales Orders, ...) and keeps
 * `projected_qty` consistent. Part of the request's transaction, like every other write.
 */
export function adjustBin(ctx: Ctx, itemCode: string, warehouse: string, deltas: Partial<Record<Exclude<BinQty, 'actual_qty'>, number>>): Doc {
  const stamp = ctx.site.clock.stamp();
  const bin = binFor(ctx, itemCode, warehouse, stamp);
  for (const [field, delta] of Object.entries(deltas)) bin[field] = Number(bin[field] ?? 0) + Number(delta);
  return save(ctx, bin, stamp);
}

/** After the stock ledger moved: the Bin takes the last entry's balance (`update_bin_qty`). */
export function setBinBalance(ctx: Ctx, itemCode: string, warehouse: string, balance: { qty: number; rate: number; value: number }): Doc {
  const stamp = ctx.site.clock.stamp();
  const bin = binFor(ctx, itemCode, warehouse, stamp);
  Object.assign(bin, { actual_qty: balance.qty, valuation_rate: balance.rate, stock_value: balance.value });
  return save(ctx, bin, stamp);
}
