import type { SimContext } from '../sim-context';
import { bulkOperationView } from '../views/bulk-operation-view';
import { customerView } from '../views/customer-view';
import { fulfillmentOrderView } from '../views/fulfillment-views';
import { inventoryItemView, inventoryLevelView, locationView, productView, variantView } from '../views/inventory-views';
import { orderView } from '../views/order-view';
import type { View } from '../views/resolve-fields';
import { webhookSubscriptionView } from '../views/webhook-subscription-view';
import { gidNumber, gidType } from '../views/wire-format';

/** `node(id:)` and the single-object roots: a GID of a simulated type, or null (as Shopify for unknown ids). */
export function lookupNode(id: string, ctx: SimContext): View | null {
  const type = gidType(id);
  if (type === undefined) return null;
  const n = gidNumber(id, type);
  if (n === undefined) return null;
  const { shop } = ctx;
  switch (type) {
    case 'Order': {
      const order = shop.orders.byId.get(n);
      return order ? orderView(order, ctx) : null;
    }
    case 'Customer': {
      const customer = shop.customers.get(n);
      return customer ? customerView(customer, ctx) : null;
    }
    case 'Location': {
      const location = shop.inventory.locations.get(n);
      return location ? locationView(location, ctx) : null;
    }
    case 'InventoryItem': {
      const item = shop.inventory.items.get(n);
      return item ? inventoryItemView(item, ctx) : null;
    }
    case 'InventoryLevel': {
      const itemId = Number(/inventory_item_id=(\d+)/.exec(id)?.[1]);
      const level = shop.inventory.level(itemId, n);
      return level ? inventoryLevelView(level, ctx) : null;
    }
    case 'ProductVariant': {
      const entry = [...shop.catalogue.values()].find((e) => e.variantId === n);
      return entry ? variantView(entry, ctx) : null;
    }
    case 'Product': {
      const entry = [...shop.catalogue.values()].find((e) => e.productId === n);
      return entry ? productView(entry, ctx) : null;
    }
    case 'FulfillmentOrder': {
      const fo = shop.fulfillment.fulfillmentOrder(n);
      return fo ? fulfillmentOrderView(fo, shop.orders.get(fo.orderId), ctx, orderView) : null;
    }
    case 'WebhookSubscription': {
      const subscription = ctx.webhooks.subscriptions.list().find((s) => s.id === n);
      return subscription ? webhookSubscriptionView(subscription, ctx) : null;
    }
    case 'BulkOperation': {
      const op = ctx.state.bulk.get(n);
      return op ? bulkOperationView(op, ctx.baseUrl) : null;
    }
    default:
      return null;
  }
}
