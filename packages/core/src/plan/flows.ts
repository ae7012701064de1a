/** The flows an operator switches on one at a time (DESIGN §7). */
export const FLOWS = ['orders', 'customers', 'inventory', 'fulfillment'] as const;
export type Flow = (typeof FLOWS)[number];

/** live: plan and write; shadow: plan and record the plan as evidence, write nothing; off: skip. */
export const FLOW_MODES = ['live', 'shadow', 'off'] as const;
export type FlowMode = (typeof FLOW_MODES)[number];

/** Which flow a webhook topic belongs to, or null for topics no flow handles. */
export function flowOfTopic(topic: string): Flow | null {
  if (topic.startsWith('orders/') || topic.startsWith('refunds/') || topic.startsWith('order_transactions/')) return 'orders';
  if (topic.startsWith('customers/')) return 'customers';
  if (topic.startsWith('inventory_levels/') || topic.startsWith('inventory_items/')) return 'inventory';
  if (topic.startsWith('fulfillments/') || topic.startsWith('fulfillment_orders/')) return 'fulfillment';
  return null;
}
