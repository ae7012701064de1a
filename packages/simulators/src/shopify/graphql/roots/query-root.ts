import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogueEntry } from '../../catalogue';
import type { CustomerRecord, OrderRecord } from '../../types';
import { connection, type ConnectionArgs } from '../connection';
import { matchesSearch, parseSearchQuery, type SearchFields } from '../search-query';
import type { SimContext } from '../sim-context';
import { bulkOperationView } from '../views/bulk-operation-view';
import { customerView } from '../views/customer-view';
import { inventoryItemView, locationView, variantView } from '../views/inventory-views';
import { orderView } from '../views/order-view';
import type { View } from '../views/resolve-fields';
import { webhookSubscriptionView } from '../views/webhook-subscription-view';
import { dateTime, gid } from '../views/wire-format';
import { topicEnum } from '../mutations/webhook-topics';
import { lookupNode } from './lookup-node';
import type { InventoryItemRecord } from '../../inventory/inventory-types';

type ListArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };
const time = (d: Date | null): string | null => dateTime(d);
const byKey = <T>(key: (item: T) => number | string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

const ORDER_SEARCH: SearchFields<OrderRecord> = {
  updated_at: (o) => time(o.updatedAt),
  created_at: (o) => time(o.createdAt),
  processed_at: (o) => time(o.createdAt),
  id: (o) => o.id,
  name: (o) => `#${o.orderNumber}`,
  email: (o) => o.email,
  customer_id: (o) => o.customerId,
  financial_status: (o) => o.financialStatus,
  fulfillment_status: (o) => (o.fulfillmentStatus === null ? 'unfulfilled' : o.fulfillmentStatus === 'partial' ? 'partial' : o.fulfillmentStatus === 'fulfilled' ? 'shipped' : o.fulfillmentStatus),
  test: (o) => o.test,
  tag: (o) => o.tags,
  sku: (o) => o.lines.map((l) => l.sku),
  // notes §4 / schema: open, closed, cancelled, not_closed; no term means every status.
  status: (o) => [...(o.closedAt === null ? ['open', 'not_closed'] : ['closed']), ...(o.cancelledAt !== null ? ['cancelled'] : [])],
};

const ORDER_SORT: Record<string, (o: OrderRecord) => number | string> = {
  PROCESSED_AT: (o) => o.createdAt.getTime() * 1e3 + (o.id % 1e3),
  CREATED_AT: (o) => o.createdAt.getTime() * 1e3 + (o.id % 1e3),
  UPDATED_AT: (o) => o.updatedAt.getTime() * 1e3 + (o.id % 1e3),
  ID: (o) => o.id,
  ORDER_NUMBER: (o) => o.orderNumber,
};

const CUSTOMER_SEARCH: SearchFields<CustomerRecord> = {
  updated_at: (c) => time(c.updatedAt),
  created_at: (c) => time(c.createdAt),
  id: (c) => c.id,
  email: (c) => c.email,
  state: (c) => c.state,
};

const CUSTOMER_SORT: Record<string, (c: CustomerRecord) => number | string> = {
  ID: (c) => c.id,
  UPDATED_AT: (c) => c.updatedAt.getTime() * 1e3 + (c.id % 1e3),
  CREATED_AT: (c) => c.createdAt.getTime() * 1e3 + (c.id % 1e3),
  NAME: (c) => `${c.lastName} ${c.firstName}`.toLowerCase(),
};

const VARIANT_SEARCH: SearchFields<CatalogueEntry> = { sku: (e) => e.item.sku, id: (e) => e.variantId, product_id: (e) => e.productId, title: (e) => e.item.variantTitle ?? 'Default Title' };
const ITEM_SEARCH: SearchFields<InventoryItemRecord> = { sku: (i) => i.sku, id: (i) => i.id, updated_at: (i) => time(i.updatedAt), created_at: (i) => time(i.createdAt) };

function list<T>(items: readonly T[], args: ListArgs, search: SearchFields<T>, sort: Record<string, (item: T) => number | string>, defaultSort: string): T[] {
  const query = parseSearchQuery(args.query);
  const key = sort[args.sortKey ?? defaultSort] ?? sort[defaultSort];
  const matching = items.filter((item) => matchesSearch(item, query, search));
  return key ? matching.sort(byKey(key)) : matching;
}

/** QueryRoot over the shop: the fields the client's documents read, plus their obvious neighbours. */
export function queryRoot(ctx: SimContext): View {
  const { shop } = ctx;
  const page = <T>(items: readonly T[], args: ConnectionArgs, key: (item: T) => string, view: (item: T) => View, info: GraphQLResolveInfo) => connection(items, args, key, view, info, ctx.bulk);
  const node = (args: { id: string }) => lookupNode(args.id, ctx);
  return {
    shop: {
      id: gid('Shop', shop.shopId),
      name: shop.domain.replace(/\.myshopify\.com$/, ''),
      myshopifyDomain: shop.domain,
      email: `owner@${shop.domain}`,
      currencyCode: shop.currency,
      ianaTimezone: 'America/New_York',
      timezoneOffset: shop.timezoneOffset.replace(':', ''),
      taxesIncluded: shop.tax.taxesIncluded,
      taxShipping: shop.tax.taxShipping,
    },
    node,
    nodes: (args: { ids: string[] }) => args.ids.map((id) => lookupNode(id, ctx)),
    order: node,
    orders: (args: ListArgs, _c: unknown, info: GraphQLResolveInfo) => page(list([...shop.orders.byId.values()], args, ORDER_SEARCH, ORDER_SORT, 'PROCESSED_AT'), args, (o) => String(o.id), (o) => orderView(o, ctx), info),
    customer: node,
    customers: (args: ListArgs, _c: unknown, info: GraphQLResolveInfo) => page(list([...shop.customers.values()], args, CUSTOMER_SEARCH, CUSTOMER_SORT, 'ID'), args, (c) => String(c.id), (c) => customerView(c, ctx), info),
    location: (args: { id?: string | null }) => (args.id ? lookupNode(args.id, ctx) : locationView(shop.inventory.primaryLocation(), ctx)),
    locations: (args: ListArgs & { includeInactive?: boolean | null }, _c: unknown, info: GraphQLResolveInfo) =>
      page([...shop.inventory.locations.values()].filter((l) => l.isActive || args.includeInactive), args, (l) => String(l.id), (l) => locationView(l, ctx), info),
    productVariant: node,
    productVariants: (args: ListArgs, _c: unknown, info: GraphQLResolveInfo) => page(list([...shop.catalogue.values()], args, VARIANT_SEARCH, { ID: (e) => e.variantId, SKU: (e) => e.item.sku }, 'ID'), args, (e) => String(e.variantId), (e) => variantView(e, ctx), info),
    product: node,
    inventoryItem: node,
    inventoryItems: (args: ListArgs, _c: unknown, info: GraphQLResolveInfo) => page(list([...shop.inventory.items.values()], args, ITEM_SEARCH, { ID: (i) => i.id }, 'ID'), args, (i) => String(i.id), (i) => inventoryItemView(i, ctx), info),
    inventoryLevel: node,
    fulfillmentOrder: node,
    webhookSubscription: node,
    webhookSubscriptions: (args: ListArgs & { topics?: string[] | null; uri?: string | null; callbackUrl?: string | null }, _c: unknown, info: GraphQLResolveInfo) => {
      const uri = args.uri ?? args.callbackUrl ?? null;
      const subscriptions = ctx.webhooks.subscriptions.list().filter((s) => (!args.topics || args.topics.includes(topicEnum(s.topic))) && (uri === null || s.address === uri));
      return page(subscriptions, args, (s) => String(s.id), (s) => webhookSubscriptionView(s, ctx), info);
    },
    bulkOperation: node,
    currentBulkOperation: () => {
      const op = ctx.state.bulk.current();
      return op ? bulkOperationView(op, ctx.baseUrl) : null;
    },
  };
}
