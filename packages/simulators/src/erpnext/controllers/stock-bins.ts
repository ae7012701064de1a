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

/**
 * Moves a Bin's quantities (one row per item and warehouse, created on first use) and keeps
 * `projected_qty` consistent. Part of the request's transaction, like every other write.
 */
export function adjustBin(ctx: Ctx, itemCode: string, warehouse: string, deltas: Partial<Record<BinQty | 'valuation_rate', number>>): Doc {
  const stamp = ctx.site.clock.stamp();
  const item = findDoc(ctx, 'Item', itemCode);
  const bin: Doc = findBin(ctx, itemCode, warehouse) ?? {
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
    valuation_rate: Number(item?.valuation_rate ?? 0),
    stock_value: 0,
    stock_uom: item?.stock_uom ?? null,
    doctype: 'Bin',
  };
  for (const [field, delta] of Object.entries(deltas)) {
    bin[field] = field === 'valuation_rate' ? delta : Number(bin[field] ?? 0) + Number(delta);
  }
  bin.projected_qty = projected(bin);
  bin.stock_value = Number(bin.actual_qty) * Number(bin.valuation_rate ?? 0);
  bin.modified = stamp;
  ctx.site.store.put('Bin', bin);
  return bin;
}
