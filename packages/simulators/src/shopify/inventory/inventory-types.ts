// Locations, inventory items and levels of the simulated shop (notes §3.1).

/** Every named quantity a level reports; `on_hand` = available + committed + reserved + damaged + quality_control + safety_stock. */
export const SHOPIFY_QUANTITY_NAMES = ['available', 'on_hand', 'committed', 'incoming', 'reserved', 'damaged', 'quality_control', 'safety_stock'] as const;
export type ShopifyQuantityName = (typeof SHOPIFY_QUANTITY_NAMES)[number];

export type Quantities = Record<ShopifyQuantityName, number>;

export interface LocationRecord {
  id: number;
  name: string;
  address1: string;
  city: string;
  zip: string;
  countryCode: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  createdAt: Date;
}

export interface InventoryItemRecord {
  id: number;
  sku: string;
  variantId: number;
  productId: number;
  tracked: boolean;
  requiresShipping: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface InventoryLevelRecord {
  itemId: number;
  locationId: number;
  quantities: Quantities;
  createdAt: Date;
  updatedAt: Date;
}

export interface LocationInput {
  name: string;
  address1?: string;
  city?: string;
  zip?: string;
  countryCode?: string;
  fulfillsOnlineOrders?: boolean;
}

/** The default: one shop location that fulfils online orders, and a warehouse that does not. */
export const DEFAULT_SHOPIFY_LOCATIONS: readonly LocationInput[] = [
  { name: 'Shop location', address1: '150 Elgin Street', city: 'Ottawa', zip: 'K2P 1L4', countryCode: 'CA', fulfillsOnlineOrders: true },
  { name: 'East Warehouse', address1: '40 Industrial Road', city: 'Toronto', zip: 'M4B 1B3', countryCode: 'CA', fulfillsOnlineOrders: false },
];

export function emptyQuantities(): Quantities {
  return { available: 0, on_hand: 0, committed: 0, incoming: 0, reserved: 0, damaged: 0, quality_control: 0, safety_stock: 0 };
}
