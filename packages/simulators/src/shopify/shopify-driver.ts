import { customerJson, type CustomerJson } from './customer-payload';
import { inventoryLevelJson } from './inventory/inventory-payload';
import { SHOPIFY_QUANTITY_NAMES, type ShopifyQuantityName } from './inventory/inventory-types';
import { orderEditJson } from './order-edit-payload';
import { orderJson, type ShopifyOrderJson } from './order-payload';
import { fireEvents, fulfillmentEvents, inventoryEvents, transactionEvents, type ShopEvent } from './shop-events';
import { ShopifySimulatorInputError, type CancelOrderInput, type CreateOrderInput, type CustomerInput, type UpdateCustomerInput, type UpdateOrderInput } from './shop-inputs';
import type { ShopifyShop } from './shop-model';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher';
import { refundJson } from './refund-payload';
import type { EditOrderInput } from './shop-order-edits';
import { refundOrder, type RefundOrderInput } from './shop-refunds';

/** The topics the simulator can emit (REST names, as in X-Shopify-Topic). */
export const SHOPIFY_SIM_TOPICS = {
  ordersCreate: 'orders/create',
  ordersUpdated: 'orders/updated',
  ordersPaid: 'orders/paid',
  ordersCancelled: 'orders/cancelled',
  ordersEdited: 'orders/edited',
  ordersFulfilled: 'orders/fulfilled',
  ordersPartiallyFulfilled: 'orders/partially_fulfilled',
  refundsCreate: 'refunds/create',
  orderTransactionsCreate: 'order_transactions/create',
  customersCreate: 'customers/create',
  customersUpdate: 'customers/update',
  fulfillmentsCreate: 'fulfillments/create',
  inventoryLevelsUpdate: 'inventory_levels/update',
  bulkOperationsFinish: 'bulk_operations/finish',
} as const;
export type ShopifySimTopic = (typeof SHOPIFY_SIM_TOPICS)[keyof typeof SHOPIFY_SIM_TOPICS];

export function isShopifySimTopic(value: unknown): value is ShopifySimTopic {
  return Object.values(SHOPIFY_SIM_TOPICS).includes(value as ShopifySimTopic);
}

const T = SHOPIFY_SIM_TOPICS;

/**
 * A merchant editing stock by hand in the admin (receiving, counting, shrinkage, damage) for one SKU
 * at one location. Fires inventory_levels/update for the level.
 */
export interface InventoryChangeInput {
  sku: string;
  /** Location id (number); default the primary location. */
  locationId?: number;
  /** Change `name` by `delta` … */
  delta?: number;
  /** … or set `available` / `on_hand` to an absolute value. */
  set?: number;
  /**
   * Default `available`; on_hand moves with it (and available with an on_hand change). `set` accepts
   * only `available` or `on_hand`; `committed` cannot be edited (only orders commit stock).
   */
  name?: ShopifyQuantityName;
}

export interface FulfilOrderInput {
  /** Default: everything still to fulfil. */
  lines?: { sku: string; quantity?: number }[];
  tracking?: { company?: string; number?: string; url?: string };
}

export type ShopifyInventoryLevelJson = ReturnType<typeof inventoryLevelJson> & { quantities: Record<ShopifyQuantityName, number> };

/**
 * Merchant and buyer actions. Each changes the shop, then triggers the webhooks Shopify would send
 * for it, all with one X-Shopify-Event-Id (notes §1.1: "shared across all deliveries produced by
 * the same merchant action"), and returns the resource as the webhook body shows it.
 */
export interface ShopifyDriver {
  createCustomer(input?: CustomerInput): CustomerJson;
  updateCustomer(id: number, patch: UpdateCustomerInput): CustomerJson;
  /** Fires customers/create (new customer), orders/create, orders/paid when created paid, and inventory_levels/update for the committed stock. */
  createOrder(input?: CreateOrderInput): ShopifyOrderJson;
  /** Fires orders/paid and orders/updated. */
  payOrder(id: number): ShopifyOrderJson;
  /** Fires orders/cancelled, orders/updated and inventory_levels/update for released stock. */
  cancelOrder(id: number, input?: CancelOrderInput): ShopifyOrderJson;
  /**
   * Shopify's "Edit order": fires orders/edited, orders/updated and inventory_levels/update for the
   * stock removed units release and added lines commit.
   */
  editOrder(id: number, input: EditOrderInput): ShopifyOrderJson;
  /** Fires orders/updated. */
  updateOrder(id: number, patch: UpdateOrderInput): ShopifyOrderJson;
  /** Fires fulfillments/create, orders/partially_fulfilled or orders/fulfilled, orders/updated. */
  fulfilOrder(id: number, input?: FulfilOrderInput): ShopifyOrderJson;
  /** Fires refunds/create and orders/updated; the order becomes partially_refunded or refunded. */
  refundOrder(id: number, input: RefundOrderInput): ShopifyOrderJson;
  /** A stock change at a location (receiving, counting, shrinkage): fires inventory_levels/update. */
  changeInventory(input: InventoryChangeInput): ShopifyInventoryLevelJson;
  getInventory(sku: string, locationId?: number): ShopifyInventoryLevelJson;
  getOrder(id: number): ShopifyOrderJson;
  getCustomer(id: number): CustomerJson;
}

export function createShopifyDriver(shop: ShopifyShop, webhooks: ShopifyWebhookDispatcher): ShopifyDriver {
  const order = (id: number): ShopifyOrderJson => orderJson(shop.orders.get(id), shop);
  const customer = (id: number): CustomerJson => customerJson(shop.customer(id), shop.timezoneOffset);
  const fire = (topics: readonly string[], payloadFor: (topic: string) => unknown, extra: readonly ShopEvent[] = []): void => {
    fireEvents(webhooks, [...topics.map((topic) => ({ topic, payload: payloadFor(topic) })), ...extra]);
  };
  const inventoryLevel = (sku: string, locationId?: number): ShopifyInventoryLevelJson => {
    const item = shop.inventory.itemBySku(sku);
    if (!item) throw new ShopifySimulatorInputError('sku', `SKU ${JSON.stringify(sku)} is not in the catalogue`);
    const location = locationId === undefined ? shop.inventory.primaryLocation() : shop.inventory.location(locationId);
    const level = shop.inventory.level(item.id, location.id);
    if (!level) throw new ShopifySimulatorInputError('locationId', `${sku} is not stocked at location ${location.id}`);
    return { ...inventoryLevelJson(level, shop.timezoneOffset), quantities: { ...level.quantities } };
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
      fire(topics, (topic) => (topic === T.customersCreate ? newCustomer : created), [...transactionEvents(shop, record.id), ...inventoryEvents(shop)]);
      return created;
    },
    payOrder(id) {
      shop.orders.pay(id);
      const paid = order(id);
      fire([T.ordersPaid, T.ordersUpdated], () => paid, transactionEvents(shop, id));
      return paid;
    },
    refundOrder(id, input) {
      const record = shop.orders.get(id);
      const refund = refundOrder(shop, record, input);
      const updated = order(id);
      const refundBody = refundJson(refund, record, shop);
      fire([T.refundsCreate, T.ordersUpdated], (topic) => (topic === T.refundsCreate ? refundBody : updated), transactionEvents(shop, id));
      return updated;
    },
    cancelOrder(id, input) {
      shop.orders.cancel(id, input);
      const cancelled = order(id);
      fire([T.ordersCancelled, T.ordersUpdated], () => cancelled, [...transactionEvents(shop, id), ...inventoryEvents(shop)]);
      return cancelled;
    },
    editOrder(id, input) {
      const record = shop.orders.get(id);
      const editBody = orderEditJson(shop.orders.edit(id, input), record, shop);
      const updated = order(id);
      fire([T.ordersEdited, T.ordersUpdated], (topic) => (topic === T.ordersEdited ? editBody : updated), inventoryEvents(shop));
      return updated;
    },
    updateOrder(id, patch) {
      shop.orders.update(id, patch);
      const updated = order(id);
      fire([T.ordersUpdated], () => updated);
      return updated;
    },
    fulfilOrder(id, input = {}) {
      const record = shop.orders.get(id);
      const fo = shop.fulfillment.forOrder(id).find((f) => f.status === 'OPEN' || f.status === 'IN_PROGRESS');
      if (!fo) throw new ShopifySimulatorInputError('id', `order ${id} has nothing left to fulfil`);
      const lines = input.lines?.map((l) => {
        const line = fo.lines.find((x) => x.sku === l.sku && x.remainingQuantity > 0) ?? fo.lines.find((x) => x.sku === l.sku);
        if (!line) throw new ShopifySimulatorInputError('lines.sku', `order ${id} has no open line with SKU ${JSON.stringify(l.sku)}`);
        return { id: line.id, quantity: l.quantity ?? line.remainingQuantity };
      });
      const tracking = input.tracking ? [{ company: input.tracking.company ?? null, number: input.tracking.number ?? null, url: input.tracking.url ?? null }] : [];
      const result = shop.fulfillment.create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, lines: lines ?? null }], tracking, notifyCustomer: false }, () => record);
      if (!result.ok) throw new ShopifySimulatorInputError('lines', result.userErrors.map((e) => e.message).join('; '));
      fireEvents(webhooks, fulfillmentEvents(shop, result.fulfillment));
      return order(id);
    },
    changeInventory(input) {
      const item = shop.inventory.itemBySku(input.sku);
      if (!item) throw new ShopifySimulatorInputError('sku', `SKU ${JSON.stringify(input.sku)} is not in the catalogue`);
      const location = input.locationId === undefined ? shop.inventory.primaryLocation() : shop.inventory.location(input.locationId);
      const level = shop.inventory.level(item.id, location.id);
      if (!level) throw new ShopifySimulatorInputError('locationId', `${input.sku} is not stocked at location ${location.id}`);
      const name = input.name ?? 'available';
      if (!(SHOPIFY_QUANTITY_NAMES as readonly string[]).includes(name)) throw new ShopifySimulatorInputError('name', `unknown quantity name ${JSON.stringify(name)}`);
      if ((input.delta === undefined) === (input.set === undefined)) throw new ShopifySimulatorInputError('delta', 'give exactly one of delta or set');
      if (!Number.isInteger(input.delta ?? input.set)) throw new ShopifySimulatorInputError(input.set === undefined ? 'delta' : 'set', 'must be an integer');
      if (input.set !== undefined) {
        if (name !== 'available' && name !== 'on_hand') throw new ShopifySimulatorInputError('name', 'set accepts only available or on_hand');
        shop.inventory.set(level, name, input.set);
      } else if (name === 'committed') {
        throw new ShopifySimulatorInputError('name', 'committed stock moves only with orders; change available, on_hand or another state');
      } else shop.inventory.adjust(level, name, input.delta ?? 0);
      fireEvents(webhooks, inventoryEvents(shop));
      return inventoryLevel(input.sku, location.id);
    },
    getInventory: inventoryLevel,
    getOrder: order,
    getCustomer: customer,
  };
}
