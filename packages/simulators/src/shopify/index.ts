// Public API of the Shopify simulator. Names are Shopify-prefixed because the package index
// re-exports this next to the ERPNext simulator with `export *`, where equal names would collide.
export { DEFAULT_SHOPIFY_CATALOGUE, type ShopifyCatalogueItem } from './catalogue';
export {
  createShopifySimulator,
  type ShopifySimulator,
  type ShopifySimulatorOptions,
  type ShopifySimulatorWebhooks,
} from './create-shopify-simulator';
export type { CustomerJson as ShopifyCustomerJson, OrderCustomerJson as ShopifyOrderCustomerJson } from './customer-payload';
export type { ShopifyOrderJson } from './order-payload';
export {
  SHOPIFY_WEBHOOK_RETRY_POLICY,
  retryDelaySeconds as shopifyRetryDelaySeconds,
  type WebhookTimer as ShopifyWebhookTimer,
} from './delivery-timing';
export { SHOPIFY_ID_BASES, shopifyGid, type ShopifyResourceType } from './shop-ids';
export {
  ShopifySimulatorInputError,
  type AddressInput as ShopifyAddressInput,
  type CancelOrderInput as ShopifyCancelOrderInput,
  type CreateOrderInput as ShopifyCreateOrderInput,
  type CustomerInput as ShopifyCustomerInput,
  type OrderLineInput as ShopifyOrderLineInput,
  type UpdateCustomerInput as ShopifyUpdateCustomerInput,
  type UpdateOrderInput as ShopifyUpdateOrderInput,
} from './shop-inputs';
export { ShopifyShop, type ShopifyShopOptions } from './shop-model';
export { createShopifyDriver, type ShopifyDriver } from './shopify-driver';
export {
  SHOPIFY_CANCEL_REASONS,
  SHOPIFY_FINANCIAL_STATUSES,
  type ShopifyCancelReason,
  type ShopifyFinancialStatus,
} from './types';
export { signShopifyWebhook, type ShopifyDeliveryOutcome, type ShopifyWebhookDelivery } from './webhook-delivery';
export { ShopifyWebhookDispatcher, type ShopifyWebhookDispatcherOptions } from './webhook-dispatcher';
export {
  ShopifyWebhookEvents,
  type ShopifyDeliveryAttempt,
  type ShopifyWebhookEventMap,
  type ShopifyWebhookEventName,
} from './webhook-events';
export type { ShopifyWebhookFaults } from './webhook-faults';
export type { ShopifyWebhookStats } from './webhook-stats';
export type { ShopifyWebhookSubscription, SubscribeInput as ShopifySubscribeInput } from './webhook-subscriptions';
export {
  SHOPIFY_SIM_TOPICS,
  isShopifySimTopic,
  type ShopifySimTopic,
  type FulfilOrderInput as ShopifyFulfilOrderInput,
  type InventoryChangeInput as ShopifyInventoryChangeInput,
  type ShopifyInventoryLevelJson,
} from './shopify-driver';
export type { ShopifySimulatorGraphql } from './create-shopify-simulator';
export { AdminGraphqlApi as ShopifyAdminGraphqlApi, type AdminGraphqlOptions as ShopifyAdminGraphqlOptions, type AdminGraphqlStats as ShopifyAdminGraphqlStats } from './graphql/admin-graphql-api';
export { loadShopifyAdminSchema, SHOPIFY_SCHEMA_FILE, SHOPIFY_SCHEMA_VERSION } from './graphql/admin-schema';
export { SHOPIFY_SUPPORTED_API_VERSIONS, resolveApiVersion as resolveShopifyApiVersion } from './graphql/api-versions';
export { SHOPIFY_PLANS, type ShopifyPlan } from './graphql/leaky-bucket';
export { calculateQueryCost as calculateShopifyQueryCost, MUTATION_COST as SHOPIFY_MUTATION_COST } from './graphql/query-cost';
export { DEFAULT_SHOPIFY_LOCATIONS, SHOPIFY_QUANTITY_NAMES, type LocationInput as ShopifyLocationInput, type ShopifyQuantityName } from './inventory/inventory-types';
export type { EditOrderInput as ShopifyEditOrderInput } from './shop-order-edits';
export type { ShopifyOrderEditJson } from './order-edit-payload';
export type { RefundOrderInput as ShopifyRefundOrderInput } from './shop-refunds';
export type { ShopifyRefundJson } from './refund-payload';
export { createPrng, type Prng as ShopifyPrng } from './prng';
