import { customerJson, type CustomerJson } from './customer-payload';
import { orderJson, type ShopifyOrderJson } from './order-payload';
import type { CancelOrderInput, CreateOrderInput, CustomerInput, UpdateCustomerInput, UpdateOrderInput } from './shop-inputs';
import type { ShopifyShop } from './shop-model';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher';

/** The topics the simulator can emit (REST names, as in X-Shopify-Topic). */
export const SHOPIFY_SIM_TOPICS = {
  ordersCreate: 'orders/create',
  ordersUpdated: 'orders/updated',
  ordersPaid: 'orders/paid',
  ordersCancelled: 'orders/cancelled',
  customersCreate: 'customers/create',
  customersUpdate: 'customers/update',
} as const;
export type ShopifySimTopic = (typeof SHOPIFY_SIM_TOPICS)[keyof typeof SHOPIFY_SIM_TOPICS];

export function isShopifySimTopic(value: unknown): value is ShopifySimTopic {
  return Object.values(SHOPIFY_SIM_TOPICS).includes(value as ShopifySimTopic);
}

const T = SHOPIFY_SIM_TOPICS;

/**
 * Merchant and buyer actions. Each changes the shop, then triggers the webhooks Shopify would send
 * for it, all with one X-Shopify-Event-Id (notes §1.1: "shared across all deliveries produced by
 * the same merchant action"), and returns the resource as the webhook body shows it.
 */
export interface ShopifyDriver {
  createCustomer(input?: CustomerInput): CustomerJson;
  updateCustomer(id: number, patch: UpdateCustomerInput): CustomerJson;
  /** Fires customers/create (new customer), orders/create, and orders/paid when created paid. */
  createOrder(input?: CreateOrderInput): ShopifyOrderJson;
  /** Fires orders/paid and orders/updated. */
  payOrder(id: number): ShopifyOrderJson;
  /** Fires orders/cancelled and orders/updated. */
  cancelOrder(id: number, input?: CancelOrderInput): ShopifyOrderJson;
  /** Fires orders/updated. */
  updateOrder(id: number, patch: UpdateOrderInput): ShopifyOrderJson;
  getOrder(id: number): ShopifyOrderJson;
  getCustomer(id: number): CustomerJson;
}

export function createShopifyDriver(shop: ShopifyShop, webhooks: ShopifyWebhookDispatcher): ShopifyDriver {
  const order = (id: number): ShopifyOrderJson => orderJson(shop.orders.get(id), shop);
  const customer = (id: number): CustomerJson => customerJson(shop.customer(id), shop.timezoneOffset);
  const fire = (topics: readonly string[], payloadFor: (topic: string) => unknown): void => {
    const eventId = webhooks.newEventId();
    // Outcomes are observed through drain(), stats() and events; the promise never rejects.
    for (const topic of topics) void webhooks.trigger(topic, payloadFor(topic), eventId);
  };

  return {
    createCustomer(input) {
      const created = customerJson(shop.createCustomer(input), shop.timezoneOffset);
      fire([T.customersCreate], () => created);
      return created;
    },
    updateCustomer(id, patch) {
      shop.updateCustomer(id, patch);
      const updated = customer(id);
      fire([T.customersUpdate], () => updated);
      return updated;
    },
    createOrder(input) {
      const { order: record, createdCustomer } = shop.orders.create(input);
      const created = order(record.id);
      const topics = [...(createdCustomer ? [T.customersCreate] : []), T.ordersCreate, ...(record.financialStatus === 'paid' ? [T.ordersPaid] : [])];
      const newCustomer = createdCustomer ? customer(createdCustomer.id) : null;
      fire(topics, (topic) => (topic === T.customersCreate ? newCustomer : created));
      return created;
    },
    payOrder(id) {
      shop.orders.pay(id);
      const paid = order(id);
      fire([T.ordersPaid, T.ordersUpdated], () => paid);
      return paid;
    },
    cancelOrder(id, input) {
      shop.orders.cancel(id, input);
      const cancelled = order(id);
      fire([T.ordersCancelled, T.ordersUpdated], () => cancelled);
      return cancelled;
    },
    updateOrder(id, patch) {
      shop.orders.update(id, patch);
      const updated = order(id);
      fire([T.ordersUpdated], () => updated);
      return updated;
    },
    getOrder: order,
    getCustomer: customer,
  };
}
