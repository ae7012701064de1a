import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { INVENTORY_SET_QUANTITIES } from './documents/inventory-set-quantities';
import { batches, mutate } from './payload';

/** Shopify's input array limit (notes §2). */
export const MAX_QUANTITIES_PER_MUTATION = 250;

/** Valid `reason` values (notes §3.1, from the INVALID_REASON message of 2026-04). */
export const INVENTORY_REASONS = [
  'correction', 'cycle_count_available', 'damaged', 'movement_canceled', 'movement_created', 'movement_received', 'movement_updated',
  'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock',
  'safety_stock', 'shrinkage',
] as const;
export type InventoryReason = (typeof INVENTORY_REASONS)[number];

export interface QuantityToSet {
  readonly inventoryItemId: string;
  readonly locationId: string;
  readonly quantity: number;
  /**
   * The quantity we believe Shopify holds now (compare-and-set), or null to skip the check. The
   * key is mandatory, as it is for Shopify from 2026-04 (notes §3.2).
   */
  readonly changeFromQuantity: number | null;
}

export interface SetInventoryQuantitiesInput {
  /** `available` or `on_hand`: the only names inventorySetQuantities accepts (notes §3.1). */
  readonly name: 'available' | 'on_hand';
  readonly reason: InventoryReason;
  /** e.g. `gid://shopsync/StockEntry/MAT-STE-0001`, shown in Shopify's inventory history. */
  readonly referenceDocumentUri?: string;
  readonly quantities: readonly QuantityToSet[];
  /**
   * Derived by the caller from the ERPNext document and attempt generation (notes §3.4). A split
   * into several mutations uses `<key>:<n>/<count>` per batch, so each batch replays on its own.
   */
  readonly idempotencyKey: string;
}

export interface InventoryChange {
  readonly name: string;
  readonly delta: number;
  readonly quantityAfterChange: number | null;
  readonly item: { readonly id: string } | null;
  readonly location: { readonly id: string } | null;
}

export interface InventoryAdjustmentGroup {
  readonly id: string;
  readonly createdAt: string;
  readonly reason: string;
  readonly referenceDocumentUri: string | null;
  readonly changes: readonly InventoryChange[];
}

function validateInput(input: SetInventoryQuantitiesInput): void {
  const problems: string[] = [];
  if (input.idempotencyKey.trim() === '') problems.push('idempotencyKey must not be blank');
  if (input.quantities.length === 0) problems.push('quantities must not be empty');
  input.quantities.forEach((q, i) => {
    if (!Number.isInteger(q.quantity)) problems.push(`quantities[${i}].quantity must be an integer, got ${q.quantity}`);
    if (!('changeFromQuantity' in q) || (q.changeFromQuantity !== null && !Number.isInteger(q.changeFromQuantity))) problems.push(`quantities[${i}].changeFromQuantity must be an integer or null`);
  });
  if (problems.length > 0) throw new TypeError(`setInventoryQuantities: ${problems.join('; ')}`);
}

/**
 * inventorySetQuantities with `@idempotent(key:)` and `changeFromQuantity`, split into mutations of
 * at most 250 quantities. Each batch is all-or-nothing on Shopify's side; when batch n fails, the
 * thrown SyncError's details name the batches already applied (`appliedGroups`), and sending the
 * same input with the same key again replays those and retries the rest.
 */
export async function setInventoryQuantities(client: ShopifyGraphqlClient, input: SetInventoryQuantitiesInput): Promise<InventoryAdjustmentGroup[]> {
  validateInput(input);
  const parts = batches(input.quantities, MAX_QUANTITIES_PER_MUTATION);
  const groups: InventoryAdjustmentGroup[] = [];
  for (const [index, quantities] of parts.entries()) {
    const idempotencyKey = parts.length === 1 ? input.idempotencyKey : `${input.idempotencyKey}:${index + 1}/${parts.length}`;
    const variables = {
      idempotencyKey,
      input: {
        name: input.name,
        reason: input.reason,
        ...(input.referenceDocumentUri === undefined ? {} : { referenceDocumentUri: input.referenceDocumentUri }),
        quantities: quantities.map((q) => ({ inventoryItemId: q.inventoryItemId, locationId: q.locationId, quantity: q.quantity, changeFromQuantity: q.changeFromQuantity })),
      },
    };
    const details = { batch: index + 1, batches: parts.length, idempotencyKey, appliedGroups: groups.map((g) => g.id) };
    const payload = await mutate<{ inventoryAdjustmentGroup: InventoryAdjustmentGroup | null; userErrors: [] }>(client, INVENTORY_SET_QUANTITIES, 'inventorySetQuantities', variables, details);
    if (payload.inventoryAdjustmentGroup) groups.push(payload.inventoryAdjustmentGroup);
  }
  return groups;
}
