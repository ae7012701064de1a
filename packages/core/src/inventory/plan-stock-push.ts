import { evaluateStockFormula, type BinQuantities, type StockFormula } from './stock-formula';

export interface StockPushInputs {
  readonly itemCodes: readonly string[];
  readonly formula: StockFormula;
  /** The item's Bins in every warehouse of the location (none: nothing in stock there). */
  readonly binsByItem: ReadonlyMap<string, readonly BinQuantities[]>;
  /** Units of the item in Shopify orders not yet booked in ERPNext, at this location (the oversell guard). */
  readonly unbookedByItem: ReadonlyMap<string, number>;
  /** Item Code → the Shopify inventory item of the variant with that SKU; absent: no such variant. */
  readonly inventoryItemByItem: ReadonlyMap<string, string>;
  /** Shopify's `available` per inventory item at the location; absent: the item is not stocked there. */
  readonly shopifyAvailable: ReadonlyMap<string, number>;
}

export interface StockPush {
  readonly itemCode: string;
  readonly inventoryItemId: string;
  readonly quantity: number;
  /** What Shopify holds now, as last read: the compare-and-set value. */
  readonly changeFromQuantity: number;
  /** The formula over the Bins, before the unbooked units were taken off. */
  readonly erpnextQuantity: number;
  readonly unbooked: number;
}

export interface StockPushPlan {
  readonly pushes: readonly StockPush[];
  /** Already equal in Shopify: nothing to send. */
  readonly unchanged: ReadonlyArray<{ readonly itemCode: string; readonly quantity: number }>;
  /** No Shopify variant has the item's code as its SKU. */
  readonly unlinked: readonly string[];
  /** The variant is not stocked at this location in Shopify. */
  readonly notStocked: readonly string[];
}

/**
 * What Shopify must hold for each moved item at one location: the formula over ERPNext's Bins, less
 * the units of Shopify orders ERPNext has not booked yet (Shopify already took them off `available`;
 * ERPNext reserves them only when the order is booked), floored at 0. Only differences are pushed.
 */
export function planStockPush(inputs: StockPushInputs): StockPushPlan {
  const pushes: StockPush[] = [];
  const unchanged: Array<{ itemCode: string; quantity: number }> = [];
  const unlinked: string[] = [];
  const notStocked: string[] = [];
  for (const itemCode of [...new Set(inputs.itemCodes)]) {
    const inventoryItemId = inputs.inventoryItemByItem.get(itemCode);
    if (inventoryItemId === undefined) {
      unlinked.push(itemCode);
      continue;
    }
    const current = inputs.shopifyAvailable.get(inventoryItemId);
    if (current === undefined) {
      notStocked.push(itemCode);
      continue;
    }
    const erpnextQuantity = evaluateStockFormula(inputs.formula, inputs.binsByItem.get(itemCode) ?? []);
    const unbooked = inputs.unbookedByItem.get(itemCode) ?? 0;
    const quantity = Math.max(0, erpnextQuantity - unbooked);
    if (quantity === current) unchanged.push({ itemCode, quantity });
    else pushes.push({ itemCode, inventoryItemId, quantity, changeFromQuantity: current, erpnextQuantity, unbooked });
  }
  return { pushes, unchanged, unlinked, notStocked };
}

/** What Shopify should hold for one item at one location (the same rule, for an inbound level). */
export function expectedAvailable(formula: StockFormula, bins: readonly BinQuantities[], unbooked: number): number {
  return Math.max(0, evaluateStockFormula(formula, bins) - unbooked);
}
