import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { INVENTORY_LEVELS } from './documents/inventory-levels';
import { batches } from './payload';
import type { InventoryItemLevels } from './types';

/** The quantity names a level reports (notes §3.1, all eight seen on a real 2026-04 level). */
export const INVENTORY_QUANTITY_NAMES = ['available', 'on_hand', 'committed', 'incoming', 'reserved', 'damaged', 'quality_control', 'safety_stock'] as const;
export type InventoryQuantityName = (typeof INVENTORY_QUANTITY_NAMES)[number];

/** Items per request: 25 items × 10 levels keeps the requested cost near 800 of the 1000 allowed. */
export const ITEMS_PER_LEVELS_QUERY = 25;

export interface InventoryLevelsInput {
  readonly inventoryItemIds: readonly string[];
  readonly names?: readonly InventoryQuantityName[];
}

/** Named quantities per item and location; unknown item ids are left out of the result. */
export async function getInventoryLevels(client: ShopifyGraphqlClient, input: InventoryLevelsInput): Promise<InventoryItemLevels[]> {
  const names = input.names ?? INVENTORY_QUANTITY_NAMES;
  const items: InventoryItemLevels[] = [];
  for (const ids of batches([...new Set(input.inventoryItemIds)], ITEMS_PER_LEVELS_QUERY)) {
    // `nodes` answers null for an unknown id and {} for an id of another type.
    const { data } = await client.request<{ nodes: (Partial<InventoryItemLevels> | null)[] }>(INVENTORY_LEVELS, { ids, names });
    for (const node of data.nodes) if (isItem(node)) items.push(node);
  }
  return items;
}

function isItem(node: Partial<InventoryItemLevels> | null): node is InventoryItemLevels {
  return node !== null && typeof node.id === 'string' && node.inventoryLevels !== undefined;
}

/** One quantity of one item at one location, or undefined when the item is not stocked there. */
export function quantityAt(item: InventoryItemLevels, locationId: string, name: InventoryQuantityName): number | undefined {
  const level = item.inventoryLevels.nodes.find((l) => l.location.id === locationId);
  return level?.quantities.find((q) => q.name === name)?.quantity;
}
