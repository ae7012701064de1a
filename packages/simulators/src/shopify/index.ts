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
export { SHOPIFY_SIM_TOPICS, isShopifySimTopic, type ShopifySimTopic } from './shopify-driver';
