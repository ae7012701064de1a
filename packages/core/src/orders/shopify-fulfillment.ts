import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString } from '../webhooks/parse-result';
import { locationIdOf } from './location-id';

/** A Shopify fulfillment: which lines left the warehouse, how many, and with what tracking. */
export interface ShopifyFulfillment {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
  readonly trackingNumber: string | null;
  /** The Shopify location the goods left from. */
  readonly locationId: string | null;
  readonly lines: ReadonlyArray<{ readonly lineItemId: string; readonly quantity: number }>;
}

/** Reads an order payload's `fulfillments`; entries without exact ids are left out (never guessed). */
export function parseFulfillments(value: unknown): ShopifyFulfillment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw): ShopifyFulfillment[] => {
    if (!isRecord(raw)) return [];
    const id = resourceIdOf(raw, 'Fulfillment');
    if (id === null) return [];
    const lines = (Array.isArray(raw.line_items) ? raw.line_items : []).flatMap((line) => {
      if (!isRecord(line)) return [];
      const lineItemId = resourceIdOf(line, 'LineItem');
      return lineItemId !== null && typeof line.quantity === 'number' && line.quantity > 0 ? [{ lineItemId, quantity: line.quantity }] : [];
    });
    return [{ id, status: optionalString(raw.status) ?? 'success', createdAt: optionalString(raw.created_at) ?? '', trackingNumber: optionalString(raw.tracking_number), locationId: locationIdOf(raw.location_id), lines }];
  });
}
