import type { ShopifyDocument } from '../graphql/shopify-document';
import { BULK_OPERATION_BY_ID } from './documents/bulk-operation-by-id';
import { BULK_OPERATION_CANCEL } from './documents/bulk-operation-cancel';
import { BULK_OPERATION_RUN_QUERY } from './documents/bulk-operation-run-query';
import { BULK_ORDERS_BACKFILL } from './documents/bulk-orders-backfill';
import { CUSTOMER_BY_ID } from './documents/customer-by-id';
import { CUSTOMERS_PAGE } from './documents/customers-page';
import { FULFILLMENT_CREATE } from './documents/fulfillment-create';
import { INVENTORY_LEVELS } from './documents/inventory-levels';
import { INVENTORY_SET_QUANTITIES } from './documents/inventory-set-quantities';
import { LOCATIONS_PAGE } from './documents/locations-page';
import { ORDER_BY_ID } from './documents/order-by-id';
import { ORDER_FULFILLMENT_ORDERS } from './documents/order-fulfillment-orders';
import { ORDER_LINE_ITEMS_PAGE } from './documents/order-line-items-page';
import { ORDER_REFUNDS } from './documents/order-refunds';
import { ORDERS_UPDATED_SINCE } from './documents/orders-updated-since';
import { SHOP_INFO } from './documents/shop-info';
import { VARIANTS_BY_SKU } from './documents/variants-by-sku';
import { WEBHOOK_SUBSCRIPTION_CREATE } from './documents/webhook-subscription-create';
import { WEBHOOK_SUBSCRIPTION_DELETE } from './documents/webhook-subscription-delete';
import { WEBHOOK_SUBSCRIPTIONS_PAGE } from './documents/webhook-subscriptions-page';

/**
 * Every document the client can send. The client refuses any other (so a document cannot skip the
 * schema test), and test/shopify-graphql-documents.unit.test.ts validates each against the real
 * 2026-10 schema and checks that every file in documents/ is listed here.
 */
export const SHOPIFY_DOCUMENTS: readonly ShopifyDocument[] = [
  SHOP_INFO,
  ORDER_BY_ID,
  ORDER_LINE_ITEMS_PAGE,
  ORDER_FULFILLMENT_ORDERS,
  ORDER_REFUNDS,
  ORDERS_UPDATED_SINCE,
  CUSTOMERS_PAGE,
  CUSTOMER_BY_ID,
  LOCATIONS_PAGE,
  VARIANTS_BY_SKU,
  INVENTORY_LEVELS,
  INVENTORY_SET_QUANTITIES,
  FULFILLMENT_CREATE,
  WEBHOOK_SUBSCRIPTIONS_PAGE,
  WEBHOOK_SUBSCRIPTION_CREATE,
  WEBHOOK_SUBSCRIPTION_DELETE,
  BULK_OPERATION_RUN_QUERY,
  BULK_OPERATION_BY_ID,
  BULK_OPERATION_CANCEL,
  BULK_ORDERS_BACKFILL,
];

const REGISTERED = new Set(SHOPIFY_DOCUMENTS);

export function isRegisteredDocument(document: ShopifyDocument): boolean {
  return REGISTERED.has(document);
}
