import { shopifyGid } from '../shop-ids';
import { formatShopTime } from '../shop-time';
import type { InventoryLevelRecord } from './inventory-types';

/**
 * The inventory_levels/update body: five keys, only `available` (notes §1.7); ids are JSON numbers
 * like every simulator id (< 2^53), and the GID is the one to trust.
 */
export function inventoryLevelJson(level: InventoryLevelRecord, timezoneOffset: string) {
  return {
    inventory_item_id: level.itemId,
    location_id: level.locationId,
    available: level.quantities.available,
    updated_at: formatShopTime(level.updatedAt, timezoneOffset),
    admin_graphql_api_id: inventoryLevelGid(level),
  };
}

export function inventoryLevelGid(level: Pick<InventoryLevelRecord, 'itemId' | 'locationId'>): string {
  return `${shopifyGid('Location', level.locationId).replace('/Location/', '/InventoryLevel/')}?inventory_item_id=${level.itemId}`;
}
