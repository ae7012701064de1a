import { skippedPlan, type Plan } from '../plan/types';
import { isRecord } from '../webhooks/parse-result';

function orderIdOfEdit(payload: unknown): string | null {
  const edit = isRecord(payload) && isRecord(payload.order_edit) ? payload.order_edit : null;
  const raw = edit?.order_id;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : null;
}

function deltaUnits(edit: Record<string, unknown>, side: 'additions' | 'removals'): number {
  const lines = isRecord(edit.line_items) ? edit.line_items[side] : null;
  if (!Array.isArray(lines)) return 0;
  return lines.reduce((sum: number, line: unknown) => sum + (isRecord(line) && typeof line.delta === 'number' ? line.delta : 0), 0);
}

/**
 * orders/edited carries only what changed, not the order. The runner plans the edited order itself
 * (read from Shopify) as an orders/updated; when it cannot read Shopify, the orders/updated webhook
 * Shopify sends with every edit carries the edited order, so this event changes nothing by itself.
 */
export function planOrderEdit(payload: unknown): Plan {
  const orderId = orderIdOfEdit(payload);
  const edit = isRecord(payload) && isRecord(payload.order_edit) ? payload.order_edit : {};
  const change = `${deltaUnits(edit, 'additions')} unit(s) added, ${deltaUnits(edit, 'removals')} removed`;
  return skippedPlan(`order ${orderId ?? 'unknown'} was edited (${change}); the edited order is applied from Shopify's order, read now or carried by the orders/updated that follows`);
}

export { orderIdOfEdit };
