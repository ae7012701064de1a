import { coreFailure } from '../failures/make-failure';
import type { PlanContext } from '../plan/plan-context';
import { failedPlan, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { orderWithRefund } from './order-with-refund';
import { parseOrder } from './parse-order';
import { parseRefund, refundOrderId } from './parse-refund';
import { planOrderEvent } from './plan-order-event';

/**
 * refunds/create carries the refund, not the order. The order's latest state (the newest payload the
 * runner applied) gets this refund added the way Shopify adds it (order-with-refund.ts), and is
 * planned like any order event — so the Sales Order and the credit note are the same whether they
 * come from here or from the orders/updated that follows the refund.
 */
export function planRefundEvent(event: { shop: string; payload: unknown }, settings: SyncSettings, context: PlanContext): Plan {
  const orderId = refundOrderId(event.payload);
  const subject = { kind: 'order', label: orderId === null ? 'unknown' : `id ${orderId}`, ...(orderId === null ? {} : { shopifyId: orderId }) } as const;
  const refund = parseRefund(event.payload);
  if (!refund.ok || orderId === null) {
    const issues = refund.ok ? ['order_id is missing or was rounded (above 2^53)'] : refund.issues;
    return failedPlan(coreFailure('payload.invalid', subject, { issues: issues.join('; ') }));
  }
  const snapshot = context.latestSnapshot === undefined || context.latestSnapshot === null ? null : parseOrder(context.latestSnapshot);
  if (snapshot === null || !snapshot.ok || snapshot.value.id !== orderId) return failedPlan(coreFailure('order.not_yet_seen', subject, { what: 'refund', id: refund.value.id }));
  return planOrderEvent({ kind: 'order.updated', shop: event.shop, order: orderWithRefund(snapshot.value, refund.value) }, settings, { appliedVersion: null });
}
