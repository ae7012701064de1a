import type { CatalogueEntry } from '../catalogue';
import { ShopifySimulatorInputError } from '../shop-inputs';
import type { IdGenerator } from '../shop-ids';
import { emptyQuantities, type InventoryItemRecord, type InventoryLevelRecord, type LocationInput, type LocationRecord, type ShopifyQuantityName } from './inventory-types';

export interface LevelChange {
  level: InventoryLevelRecord;
  name: ShopifyQuantityName;
  delta: number;
}

/**
 * Where stock is: one inventory item per catalogue SKU, stocked at every location. Changes are
 * logged so the caller (driver or GraphQL mutation) can fire inventory_levels/update for exactly
 * the levels whose `available` moved, under one event id.
 */
export class ShopInventory {
  readonly locations = new Map<number, LocationRecord>();
  readonly items = new Map<number, InventoryItemRecord>();
  private readonly itemsBySku = new Map<string, InventoryItemRecord>();
  private readonly levels = new Map<string, InventoryLevelRecord>();
  private changed = new Set<InventoryLevelRecord>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => Date,
    catalogue: Iterable<CatalogueEntry>,
    locations: readonly LocationInput[],
    initialAvailable: number,
  ) {
    const at = now();
    for (const input of locations) {
      const id = ids.next('Location');
      this.locations.set(id, { id, name: input.name, address1: input.address1 ?? '1 Main Street', city: input.city ?? 'Ottawa', zip: input.zip ?? 'K1A 0A1', countryCode: input.countryCode ?? 'CA', isActive: true, fulfillsOnlineOrders: input.fulfillsOnlineOrders ?? true, createdAt: at });
    }
    const primary = this.primaryLocation();
    for (const entry of catalogue) {
      const item: InventoryItemRecord = { id: ids.next('InventoryItem'), sku: entry.item.sku, variantId: entry.variantId, productId: entry.productId, tracked: true, requiresShipping: entry.item.requiresShipping ?? true, createdAt: at, updatedAt: at };
      this.items.set(item.id, item);
      this.itemsBySku.set(item.sku, item);
      for (const location of this.locations.values()) {
        const start = location.id === primary.id ? initialAvailable : 0;
        this.levels.set(key(item.id, location.id), { itemId: item.id, locationId: location.id, quantities: { ...emptyQuantities(), available: start, on_hand: start }, createdAt: at, updatedAt: at });
      }
    }
  }

  /** Orders are assigned here: the first location that fulfils online orders. */
  primaryLocation(): LocationRecord {
    const all = [...this.locations.values()];
    const found = all.find((l) => l.fulfillsOnlineOrders) ?? all[0];
    if (!found) throw new Error('the shop needs at least one location');
    return found;
  }

  itemBySku(sku: string): InventoryItemRecord | undefined {
    return this.itemsBySku.get(sku);
  }

  level(itemId: number, locationId: number): InventoryLevelRecord | undefined {
    return this.levels.get(key(itemId, locationId));
  }

  levelsOfItem(itemId: number): InventoryLevelRecord[] {
    return [...this.locations.keys()].map((l) => this.level(itemId, l)).filter((l): l is InventoryLevelRecord => l !== undefined);
  }

  levelsAt(locationId: number): InventoryLevelRecord[] {
    return [...this.items.keys()].map((i) => this.level(i, locationId)).filter((l): l is InventoryLevelRecord => l !== undefined);
  }

  /**
   * Add `delta` to `name`, as an adjustment does: the states that count in on_hand (available,
   * reserved, damaged, quality_control, safety_stock) move on_hand with them, `incoming` moves alone,
   * and an on_hand change lands in available (on_hand = available + committed + the other states),
   * as a merchant editing "On hand" sees it. `committed` moves only with orders (commit/release/ship).
   */
  adjust(level: InventoryLevelRecord, name: Exclude<ShopifyQuantityName, 'committed'>, delta: number): LevelChange[] {
    if (delta === 0) return [];
    level.quantities[name] += delta;
    const changes: LevelChange[] = [{ level, name, delta }];
    if (name === 'on_hand') {
      level.quantities.available += delta;
      changes.push({ level, name: 'available', delta });
    } else if (name !== 'incoming') {
      level.quantities.on_hand += delta;
      changes.push({ level, name: 'on_hand', delta });
    }
    this.touch(level);
    return changes;
  }

  /** Set `available` or `on_hand` to an absolute value; the other follows (notes §3.2 mirrored changes). */
  set(level: InventoryLevelRecord, name: 'available' | 'on_hand', quantity: number): LevelChange[] {
    const delta = quantity - level.quantities[name];
    if (delta === 0) return [];
    level.quantities.available += delta;
    level.quantities.on_hand += delta;
    this.touch(level);
    const other = name === 'available' ? 'on_hand' : 'available';
    return [{ level, name, delta }, { level, name: other, delta }];
  }

  /** An order line moves stock from available to committed at its fulfilment location. */
  commit(sku: string, locationId: number, quantity: number): void {
    const level = this.levelForSku(sku, locationId);
    if (!level) return;
    level.quantities.available -= quantity;
    level.quantities.committed += quantity;
    this.touch(level);
  }

  /** Cancelling releases committed stock back to available (restock). */
  release(sku: string, locationId: number, quantity: number): void {
    this.commit(sku, locationId, -quantity);
  }

  /** Fulfilling ships committed stock: it leaves committed and on_hand; available is unchanged. */
  ship(sku: string, locationId: number, quantity: number): void {
    const level = this.levelForSku(sku, locationId);
    if (!level) return;
    level.quantities.committed -= quantity;
    level.quantities.on_hand -= quantity;
    level.updatedAt = this.nextInstant(level.updatedAt);
  }

  /** Levels whose `available` may have changed since the last call. */
  takeChanged(): InventoryLevelRecord[] {
    const out = [...this.changed];
    this.changed = new Set();
    return out;
  }

  addLocation(input: LocationInput): LocationRecord {
    const id = this.ids.next('Location');
    const at = this.now();
    const location: LocationRecord = { id, name: input.name, address1: input.address1 ?? '1 Main Street', city: input.city ?? 'Ottawa', zip: input.zip ?? 'K1A 0A1', countryCode: input.countryCode ?? 'CA', isActive: true, fulfillsOnlineOrders: input.fulfillsOnlineOrders ?? false, createdAt: at };
    this.locations.set(id, location);
    for (const item of this.items.values()) this.levels.set(key(item.id, id), { itemId: item.id, locationId: id, quantities: emptyQuantities(), createdAt: at, updatedAt: at });
    return location;
  }

  location(id: number): LocationRecord {
    const location = this.locations.get(id);
    if (!location) throw new ShopifySimulatorInputError('locationId', `no location with id ${id}`);
    return location;
  }

  private levelForSku(sku: string, locationId: number): InventoryLevelRecord | undefined {
    const item = this.itemsBySku.get(sku);
    return item ? this.level(item.id, locationId) : undefined;
  }

  private touch(level: InventoryLevelRecord): void {
    level.updatedAt = this.nextInstant(level.updatedAt);
    this.changed.add(level);
  }

  private nextInstant(previous: Date): Date {
    const now = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1000);
  }
}

function key(itemId: number, locationId: number): string {
  return `${itemId}@${locationId}`;
}
