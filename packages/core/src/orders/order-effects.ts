import type { SyncSettings } from '../settings/sync-settings';
import type { ShopifyOrder } from './shopify-order';

/** What ERPNext must hold for an order, derived from the order's latest state (never from the topic). */
/** Payments are not an effect of the order's state: each Shopify transaction books its own (order_transactions/create). */
export const ORDER_EFFECTS = ['sales_order', 'invoice', 'delivery_notes', 'cancel_sales_order'] as const;
export type OrderEffect = (typeof ORDER_EFFECTS)[number];

export interface OrderStateRule {
  /** Shopify's REST financial_status. */
  readonly financialStatus: string;
  readonly effects: readonly OrderEffect[];
  readonly why: string;
}

/**
 * The explicit state table (DESIGN §3), by financial status. Cancellation, the invoice policy and test
 * orders are applied on top by `orderEffects`. README "What a Shopify order becomes" mirrors this table.
 */
export const ORDER_STATE_TABLE: readonly OrderStateRule[] = [
  { financialStatus: 'pending', effects: ['sales_order'], why: 'ordered, not paid yet (e.g. COD, bank transfer, manual)' },
  { financialStatus: 'authorized', effects: ['sales_order'], why: 'payment authorized, not captured' },
  { financialStatus: 'partially_paid', effects: ['sales_order', 'invoice'], why: 'part of the money received; each capture is a Payment Entry' },
  { financialStatus: 'paid', effects: ['sales_order', 'invoice'], why: 'money received; each sale or capture is a Payment Entry' },
  { financialStatus: 'partially_refunded', effects: ['sales_order', 'invoice'], why: 'paid, then partly refunded: a credit note and refund payment per refund' },
  { financialStatus: 'refunded', effects: ['sales_order', 'invoice'], why: 'paid, then refunded: a credit note and refund payment per refund' },
  { financialStatus: 'voided', effects: ['sales_order'], why: 'the authorization was voided; nothing to invoice' },
  { financialStatus: 'expired', effects: ['sales_order'], why: 'the authorization expired; nothing to invoice' },
];

export type EffectsDecision =
  | { readonly kind: 'effects'; readonly effects: readonly OrderEffect[] }
  | { readonly kind: 'skip'; readonly reason: string };

/**
 * A cancelled order is booked and then cancelled even when ERPNext never saw it: the audit trail
 * shows it, and the result does not depend on whether the cancel webhook came before the create.
 */
export function orderEffects(order: ShopifyOrder, settings: SyncSettings): EffectsDecision {
  if (order.test && !settings.syncTestOrders) return { kind: 'skip', reason: `order ${order.name} is a Shopify test order (syncTestOrders is off)` };
  const rule = ORDER_STATE_TABLE.find((candidate) => candidate.financialStatus === order.financialStatus);
  if (rule === undefined) return { kind: 'skip', reason: `order ${order.name} has financial status "${order.financialStatus}", which has no rule` };
  const invoiceAllowed = settings.invoicePolicy === 'on_paid' || order.fulfillmentStatus === 'fulfilled';
  const effects: OrderEffect[] = rule.effects.filter((effect) => effect !== 'invoice' || invoiceAllowed);
  // Shopify's fulfillments become Delivery Notes only when Shopify is where the store ships from.
  if (settings.fulfillmentAuthority === 'shopify' && order.fulfillments.length > 0) effects.push('delivery_notes');
  if (order.cancelledAt === null) return { kind: 'effects', effects };
  return { kind: 'effects', effects: [...effects, 'cancel_sales_order'] };
}
