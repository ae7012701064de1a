import { coreFailure } from '../failures/make-failure';
import { failedPlan, type Plan } from '../plan/types';
import { isRecord } from '../webhooks/parse-result';

function orderIdOfEdit(payload: unknown): string | null {
  const edit = isRecord(payload) && isRecord(payload.order_edit) ? payload.order_edit : null;
  const raw = edit?.order_id;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : null;
}

function deltaCount(edit: Record<string, unknown>, side: 'additions' | 'removals'): number {
  const lines = isRecord(edit.line_items) ? edit.line_items[side] : null;
  return Array.isArray(lines) ? lines.length : 0;
}

/**
 * orders/edited: an edit to an order ERPNext already holds as a submitted Sales Order. shopsync does
 * not rewrite submitted orders yet, so the edit is surfaced for review — a conflict that says what
 * changed — rather than silently ignored or half-applied.
 */
export function planOrderEdit(payload: unknown): Plan {
  const orderId = orderIdOfEdit(payload);
  const edit = isRecord(payload) && isRecord(payload.order_edit) ? payload.order_edit : {};
  const subject = { kind: 'order', label: orderId === null ? 'unknown' : `id ${orderId}`, ...(orderId === null ? {} : { shopifyId: orderId }) } as const;
  return failedPlan(coreFailure('conflict.order_edited', subject, { added: deltaCount(edit, 'additions'), removed: deltaCount(edit, 'removals') }));
}

export { orderIdOfEdit };
