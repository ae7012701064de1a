import { cancelBulkOperation, getBulkOperation, startBulkQuery, startOrdersBackfill, waitForBulkOperation, type WaitForBulkOperationOptions } from './bulk/bulk-operations';
import { streamBulkResult, type BulkRecord } from './bulk/bulk-jsonl';
import type { ShopifyGraphqlClientOptions } from './graphql/client-types';
import { createShopifyGraphqlClient, type ShopifyGraphqlClient } from './graphql/create-graphql-client';
import type { GraphqlTransport } from './graphql/graphql-transport';
import type { ShopifyDocument } from './graphql/shopify-document';
import { createFulfillments, type CreateFulfillmentsInput, type CreateFulfillmentsResult } from './operations/create-fulfillments';
import { getCustomer, listCustomers, type ListCustomersInput } from './operations/customers';
import { SHOP_INFO } from './operations/documents/shop-info';
import { getInventoryLevels, type InventoryLevelsInput } from './operations/inventory-levels';
import { listLocations } from './operations/locations';
import { getFulfillmentOrders, getOrder, listOrdersUpdatedSince, type OrdersUpdatedSinceInput } from './operations/orders';
import { setInventoryQuantities, type InventoryAdjustmentGroup, type SetInventoryQuantitiesInput } from './operations/set-inventory-quantities';
import type { BulkOperation, FulfillmentOrder, InventoryItemLevels, OrderSummary, Page, ShopifyCustomer, ShopifyCustomerDetail, ShopifyLocation, ShopifyOrderDetail, ShopifyVariant, WebhookSubscription } from './operations/types';
import { findVariantsBySku } from './operations/variants';
import { createWebhookSubscription, deleteWebhookSubscription, listWebhookSubscriptions, type CreateWebhookSubscriptionInput } from './operations/webhook-subscriptions';

export interface ShopInfo {
  readonly id: string;
  readonly name: string;
  readonly myshopifyDomain: string;
  readonly currencyCode: string;
  readonly ianaTimezone: string;
}

/** The operations the engine needs (issue 4), each a thin builder over one or more documents. */
export interface ShopifyClient {
  readonly graphql: ShopifyGraphqlClient;
  shop(): Promise<ShopInfo>;
  readonly orders: {
    get(id: string): Promise<ShopifyOrderDetail | null>;
    updatedSince(input: OrdersUpdatedSinceInput): Promise<Page<OrderSummary>>;
    fulfillmentOrders(orderId: string): Promise<FulfillmentOrder[]>;
  };
  readonly customers: {
    get(id: string): Promise<ShopifyCustomerDetail | null>;
    list(input?: ListCustomersInput): Promise<Page<ShopifyCustomer>>;
  };
  readonly locations: { list(options?: { includeInactive?: boolean }): Promise<ShopifyLocation[]> };
  readonly variants: { bySku(skus: readonly string[]): Promise<Map<string, ShopifyVariant[]>> };
  readonly inventory: {
    levels(input: InventoryLevelsInput): Promise<InventoryItemLevels[]>;
    setQuantities(input: SetInventoryQuantitiesInput): Promise<InventoryAdjustmentGroup[]>;
  };
  readonly fulfillments: { create(input: CreateFulfillmentsInput): Promise<CreateFulfillmentsResult> };
  readonly webhooks: {
    list(options?: { topics?: readonly string[] }): Promise<WebhookSubscription[]>;
    create(input: CreateWebhookSubscriptionInput): Promise<WebhookSubscription>;
    delete(id: string): Promise<string>;
  };
  readonly bulk: {
    runQuery(document: ShopifyDocument, substitutions?: Readonly<Record<string, string>>): Promise<BulkOperation>;
    ordersBackfill(since: string): Promise<BulkOperation>;
    get(id: string): Promise<BulkOperation | null>;
    wait(id: string, options: WaitForBulkOperationOptions): Promise<BulkOperation>;
    cancel(id: string): Promise<BulkOperation | null>;
    stream(url: string): AsyncGenerator<BulkRecord>;
  };
}

/** One composition point (STYLE C9): the GraphQL client and every operation bound to it. */
export function createShopifyClient(options: ShopifyGraphqlClientOptions, transport?: GraphqlTransport): ShopifyClient {
  const graphql = createShopifyGraphqlClient(options, transport);
  return {
    graphql,
    shop: async () => (await graphql.request<{ shop: ShopInfo }>(SHOP_INFO)).data.shop,
    orders: {
      get: (id) => getOrder(graphql, id),
      updatedSince: (input) => listOrdersUpdatedSince(graphql, input),
      fulfillmentOrders: (orderId) => getFulfillmentOrders(graphql, orderId),
    },
    customers: { get: (id) => getCustomer(graphql, id), list: (input) => listCustomers(graphql, input) },
    locations: { list: (opts) => listLocations(graphql, opts) },
    variants: { bySku: (skus) => findVariantsBySku(graphql, skus) },
    inventory: { levels: (input) => getInventoryLevels(graphql, input), setQuantities: (input) => setInventoryQuantities(graphql, input) },
    fulfillments: { create: (input) => createFulfillments(graphql, input) },
    webhooks: { list: (opts) => listWebhookSubscriptions(graphql, opts), create: (input) => createWebhookSubscription(graphql, input), delete: (id) => deleteWebhookSubscription(graphql, id) },
    bulk: {
      runQuery: (document, substitutions) => startBulkQuery(graphql, document, substitutions),
      ordersBackfill: (since) => startOrdersBackfill(graphql, since),
      get: (id) => getBulkOperation(graphql, id),
      wait: (id, opts) => waitForBulkOperation(graphql, id, opts),
      cancel: (id) => cancelBulkOperation(graphql, id),
      stream: (url) => streamBulkResult(url),
    },
  };
}
