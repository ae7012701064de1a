import type { GraphQLResolveInfo } from 'graphql';
import { inventoryLevelGid } from '../../inventory/inventory-payload';
import { SHOPIFY_QUANTITY_NAMES, type InventoryItemRecord, type InventoryLevelRecord, type LocationRecord, type ShopifyQuantityName } from '../../inventory/inventory-types';
import type { CatalogueEntry } from '../../catalogue';
import { connection, type ConnectionArgs } from '../connection';
import type { SimContext } from '../sim-context';
import type { View } from './resolve-fields';
import { dateTime, decimal, gid, gidNumber } from './wire-format';

export function locationView(l: LocationRecord, ctx: SimContext): View {
  const levels = () => ctx.shop.inventory.levelsAt(l.id);
  return {
    __typename: 'Location',
    id: gid('Location', l.id),
    legacyResourceId: String(l.id),
    name: l.name,
    isActive: l.isActive,
    isPrimary: l.id === ctx.shop.inventory.primaryLocation().id,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    shipsInventory: true,
    hasActiveInventory: true,
    hasUnfulfilledOrders: false,
    isFulfillmentService: false,
    activatable: false,
    deactivatable: true,
    deletable: false,
    deactivatedAt: null,
    addressVerified: true,
    createdAt: dateTime(l.createdAt),
    updatedAt: dateTime(l.createdAt),
    address: { address1: l.address1, address2: null, city: l.city, zip: l.zip, countryCode: l.countryCode, country: null, province: null, provinceCode: null, phone: null, formatted: [l.address1, `${l.city} ${l.zip}`, l.countryCode], latitude: null, longitude: null },
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const itemId = gidNumber(args.inventoryItemId, 'InventoryItem');
      const level = itemId === undefined ? undefined : ctx.shop.inventory.level(itemId, l.id);
      return level ? inventoryLevelView(level, ctx) : null;
    },
    inventoryLevels: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(levels(), args, (lv) => String(lv.itemId), (lv) => inventoryLevelView(lv, ctx), info, ctx.bulk),
  };
}

export function inventoryLevelView(level: InventoryLevelRecord, ctx: SimContext): View {
  const levelGid = inventoryLevelGid(level);
  return {
    __typename: 'InventoryLevel',
    id: levelGid,
    isActive: true,
    canDeactivate: level.quantities.on_hand === 0 && level.quantities.committed === 0,
    deactivationAlert: null,
    createdAt: dateTime(level.createdAt),
    updatedAt: dateTime(level.updatedAt),
    item: () => inventoryItemView(ctx.shop.inventory.items.get(level.itemId) as InventoryItemRecord, ctx),
    location: () => locationView(ctx.shop.inventory.location(level.locationId), ctx),
    quantities: (args: { names: string[] }) =>
      args.names
        .filter((n): n is ShopifyQuantityName => (SHOPIFY_QUANTITY_NAMES as readonly string[]).includes(n))
        .map((name) => ({ id: `${levelGid.replace('/InventoryLevel/', '/InventoryQuantity/')}&name=${name}`, name, quantity: level.quantities[name], updatedAt: dateTime(level.updatedAt) })),
  };
}

export function inventoryItemView(item: InventoryItemRecord, ctx: SimContext): View {
  const entry = ctx.shop.catalogue.get(item.sku);
  const levels = () => ctx.shop.inventory.levelsOfItem(item.id);
  return {
    __typename: 'InventoryItem',
    id: gid('InventoryItem', item.id),
    legacyResourceId: String(item.id),
    sku: item.sku,
    tracked: item.tracked,
    requiresShipping: item.requiresShipping,
    createdAt: dateTime(item.createdAt),
    updatedAt: dateTime(item.updatedAt),
    countryCodeOfOrigin: null,
    provinceCodeOfOrigin: null,
    harmonizedSystemCode: null,
    duplicateSkuCount: 0,
    unitCost: null,
    inventoryHistoryUrl: null,
    variant: () => (entry ? variantView(entry, ctx) : null),
    variants: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(entry ? [entry] : [], args, (e) => String(e.variantId), (e) => variantView(e, ctx), info, ctx.bulk),
    inventoryLevel: (args: { locationId: string }) => {
      const locationId = gidNumber(args.locationId, 'Location');
      const level = locationId === undefined ? undefined : ctx.shop.inventory.level(item.id, locationId);
      return level ? inventoryLevelView(level, ctx) : null;
    },
    inventoryLevels: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(levels(), args, (lv) => String(lv.locationId), (lv) => inventoryLevelView(lv, ctx), info, ctx.bulk),
  };
}

export function variantView(entry: CatalogueEntry, ctx: SimContext): View {
  const item = ctx.shop.inventory.itemBySku(entry.item.sku);
  const title = entry.item.variantTitle ?? 'Default Title';
  return {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', entry.variantId),
    legacyResourceId: String(entry.variantId),
    sku: entry.item.sku,
    title,
    displayName: `${entry.item.title} - ${title}`,
    price: decimal(entry.priceCents),
    compareAtPrice: null,
    barcode: null,
    taxable: entry.item.taxable ?? true,
    position: 1,
    availableForSale: true,
    inventoryPolicy: 'DENY',
    inventoryQuantity: () => (item ? ctx.shop.inventory.levelsOfItem(item.id).reduce((sum, l) => sum + l.quantities.available, 0) : 0),
    inventoryItem: () => (item ? inventoryItemView(item, ctx) : null),
    product: () => productView(entry, ctx),
    selectedOptions: [{ name: 'Title', value: title }],
    createdAt: dateTime(item?.createdAt ?? null),
    updatedAt: dateTime(item?.updatedAt ?? null),
  };
}

export function productView(entry: CatalogueEntry, ctx: SimContext): View {
  const handle = entry.item.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    __typename: 'Product',
    id: gid('Product', entry.productId),
    legacyResourceId: String(entry.productId),
    title: entry.item.title,
    handle,
    vendor: entry.item.vendor,
    productType: '',
    status: 'ACTIVE',
    tags: [],
    totalVariants: 1,
    hasOnlyDefaultVariant: entry.item.variantTitle == null,
    tracksInventory: true,
    variants: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection([entry], args, (e) => String(e.variantId), (e) => variantView(e, ctx), info, ctx.bulk),
  };
}
