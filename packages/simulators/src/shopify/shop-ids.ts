import type { Prng } from './prng';

/**
 * Where each resource's ids start. Real shops created since ~2022 hand out ids of these magnitudes
 * (orders ~6·10^12, line items ~1.5·10^13, variants ~4.5·10^13): large enough to catch code that
 * stores ids in 32-bit integers, still below 2^53, so a JSON number round-trips through JavaScript.
 */
export const SHOPIFY_ID_BASES = {
  Shop: 71_000_000_000,
  Order: 5_900_000_000_000,
  LineItem: 14_700_000_000_000,
  ShippingLine: 4_800_000_000_000,
  Customer: 7_400_000_000_000,
  MailingAddress: 8_900_000_000_000,
  Product: 8_700_000_000_000,
  ProductVariant: 45_200_000_000_000,
  WebhookSubscription: 1_600_000_000_000,
  Location: 98_000_000_000,
  InventoryItem: 47_300_000_000_000,
  FulfillmentOrder: 7_100_000_000_000,
  FulfillmentOrderLineItem: 15_300_000_000_000,
  Fulfillment: 5_400_000_000_000,
  FulfillmentLineItem: 12_900_000_000_000,
  OrderTransaction: 7_300_000_000_000,
  Refund: 1_100_000_000_000,
  RefundLineItem: 5_700_000_000_000,
  OrderEdit: 2_100_000_000_000,
  InventoryAdjustmentGroup: 53_800_000_000_000,
  BulkOperation: 4_600_000_000_000,
} as const;
export type ShopifyResourceType = keyof typeof SHOPIFY_ID_BASES;

export interface IdGenerator {
  next(type: ShopifyResourceType): number;
}

/** Ids grow with gaps, as Shopify's do: consumers must not assume they are dense or start at 1. */
export function createIdGenerator(prng: Prng): IdGenerator {
  const last = new Map<ShopifyResourceType, number>();
  return {
    next(type) {
      const previous = last.get(type) ?? SHOPIFY_ID_BASES[type] + prng.int(0, 99_999_999);
      const id = previous + prng.int(1, 9_999);
      if (!Number.isSafeInteger(id)) throw new Error(`id for ${type} left the safe integer range: ${id}`);
      last.set(type, id);
      return id;
    },
  };
}

/** The `admin_graphql_api_id` of a REST resource: the same number, as a string, inside a GID. */
export function shopifyGid(type: ShopifyResourceType, id: number): string {
  return `gid://shopify/${type}/${id}`;
}
