/**
 * REST topic ↔ WebhookSubscriptionTopic (notes §1.6: upper-case, "/" → "_"). The mapping is not
 * reversible by rule (ORDERS_PARTIALLY_FULFILLED vs INVENTORY_LEVELS_UPDATE), hence a table of the
 * topics the engine subscribes to.
 */
export const SUBSCRIBABLE_TOPICS = [
  'orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/edited', 'orders/delete',
  'refunds/create', 'customers/create', 'customers/update', 'customers/delete',
  'inventory_levels/update', 'inventory_levels/connect', 'inventory_levels/disconnect',
  'inventory_items/create', 'inventory_items/update', 'inventory_items/delete',
  'fulfillments/create', 'fulfillments/update', 'app/uninstalled', 'bulk_operations/finish', 'order_transactions/create',
] as const;

export function topicEnum(rest: string): string {
  return rest.replace('/', '_').toUpperCase();
}

const BY_ENUM = new Map<string, string>(SUBSCRIBABLE_TOPICS.map((t) => [topicEnum(t), t]));

export function restTopic(enumValue: string): string | undefined {
  return BY_ENUM.get(enumValue);
}
