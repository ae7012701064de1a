import type { InventoryLevelRecord } from '../../inventory/inventory-types';
import type { ShopifyShop } from '../../shop-model';
import { gidNumber } from '../views/wire-format';

export interface SetQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[];
}

export interface InventoryUserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** notes §3.1, from Shopify's INVALID_REASON message (2026-04). */
export const INVENTORY_REASONS = [
  'correction', 'cycle_count_available', 'damaged', 'movement_canceled', 'movement_created', 'movement_received', 'movement_updated',
  'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock',
  'safety_stock', 'shrinkage',
];

const LIMIT = 1_000_000_000;

/**
 * Every check of inventorySetQuantities, before anything changes: the whole group is rejected on
 * any error (notes §3.3: `inventoryAdjustmentGroup: null`). Messages are the enum descriptions and
 * captured texts of notes §3.
 */
export function validateSetQuantities(input: SetQuantitiesInput, shop: ShopifyShop): { ok: true; levels: { level: InventoryLevelRecord; quantity: number }[] } | { ok: false; userErrors: InventoryUserError[] } {
  const errors: InventoryUserError[] = [];
  if (input.name !== 'available' && input.name !== 'on_hand') errors.push({ field: ['input', 'name'], message: "The quantity name must be either 'available' or 'on_hand'.", code: 'INVALID_NAME' });
  if (!INVENTORY_REASONS.includes(input.reason)) errors.push({ field: ['input', 'reason'], message: `The specified reason is invalid. Valid values are: ${INVENTORY_REASONS.join(', ')}.`, code: 'INVALID_REASON' });
  const seen = new Set<string>();
  const levels: { level: InventoryLevelRecord; quantity: number }[] = [];
  input.quantities.forEach((q, i) => {
    const at = (field?: string): string[] => ['input', 'quantities', String(i), ...(field ? [field] : [])];
    const itemId = gidNumber(q.inventoryItemId, 'InventoryItem');
    const locationId = gidNumber(q.locationId, 'Location');
    if (itemId === undefined || !shop.inventory.items.has(itemId)) return errors.push({ field: at('inventoryItemId'), message: 'The specified inventory item could not be found.', code: 'INVALID_INVENTORY_ITEM' });
    if (locationId === undefined || !shop.inventory.locations.has(locationId)) return errors.push({ field: at('locationId'), message: 'The specified location could not be found.', code: 'INVALID_LOCATION' });
    const pair = `${itemId}@${locationId}`;
    if (seen.has(pair)) return errors.push({ field: at(), message: 'The combination of inventoryItemId and locationId must be unique.', code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR' });
    seen.add(pair);
    if (q.quantity > LIMIT) return errors.push({ field: at('quantity'), message: "The quantity can't be higher than 1,000,000,000.", code: 'INVALID_QUANTITY_TOO_HIGH' });
    if (q.quantity < -LIMIT) return errors.push({ field: at('quantity'), message: "The quantity can't be lower than -1,000,000,000.", code: 'INVALID_QUANTITY_TOO_LOW' });
    if (input.name === 'on_hand' && q.quantity < 0) return errors.push({ field: at('quantity'), message: "The quantity can't be negative.", code: 'INVALID_QUANTITY_NEGATIVE' });
    const level = shop.inventory.level(itemId, locationId);
    if (!level) return errors.push({ field: at('locationId'), message: 'The specified inventory item is not stocked at the location.', code: 'INVALID_LOCATION' });
    const current = input.name === 'on_hand' ? level.quantities.on_hand : level.quantities.available;
    if (q.changeFromQuantity != null && q.changeFromQuantity !== current) {
      return errors.push({ field: at('changeFromQuantity'), message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' });
    }
    levels.push({ level, quantity: q.quantity });
  });
  return errors.length > 0 ? { ok: false, userErrors: errors } : { ok: true, levels };
}
