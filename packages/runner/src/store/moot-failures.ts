import { payloadOf } from '@shopsync/core';

/**
 * When an event of an order applies, which of the order's parked events did it make moot? Shared by
 * the SQLite statement (sql/supersede-moot-failures.ts) and the in-memory twin, so both decide alike.
 *
 * Only an order topic applies the order's latest state in full (plan-order-event.ts); refunds/create
 * and payments plan a part of it, and their versions are not remembered (process-event.ts
 * rememberState). Such a full plan, once applied, proves that the state it planned passes:
 * - `validation.total_mismatch`: every full plan computes the Sales Order's money and fails before
 *   any write when ERPNext's total would differ from Shopify's (sales-order-money.ts);
 * - `validation.refund_mismatch`: it computes each refund's credit note on the way (credit-note-money.ts),
 *   and Shopify never takes a refund off an order, so a later state still holds the refund;
 * - `order.not_yet_seen` of a refund: the order's state holding the refund books its credit note and
 *   refund payment, which is all that refunds/create would have done.
 * A parked event is moot when the applied state is at least as new as what it planned: an order
 * event whose `updated_at` is not newer, or a refund the applied order holds. Everything else stays
 * open: `order.not_yet_seen` / `order.not_yet_paid` of a payment (an order's plan books no payment,
 * order-effects.ts, so superseding it would lose the money), conflicts and mapping problems (ERPNext
 * or the settings decide those, which an applied plan of other content does not prove fixed), and an
 * event an operator requeued from Shopify's latest order (what it planned is not its payload).
 */
export const MOOT_CODES: readonly string[] = ['validation.total_mismatch', 'validation.refund_mismatch', 'order.not_yet_seen'];

/** A full plan of the order's latest state: what an applied order topic planned (not refunds/, payments). */
export const appliesLatestState = (topic: string): boolean => topic.startsWith('orders/');

export interface ParkedEvent {
  readonly topic: string;
  readonly code: string;
  readonly payload: string;
  readonly refreshFirst: boolean;
}

export interface AppliedState {
  readonly versionMs: number;
  readonly snapshot: string | null;
}

function parse(text: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = text === null ? null : JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whether the state's list (an order's `refunds`) holds the part with this id. */
function listsPart(snapshot: Record<string, unknown> | null, list: string, partId: unknown): boolean {
  const parts = snapshot?.[list];
  if (!Array.isArray(parts) || (typeof partId !== 'number' && typeof partId !== 'string')) return false;
  return parts.some((part: unknown) => typeof part === 'object' && part !== null && String((part as { id?: unknown }).id) === String(partId));
}

export function madeMoot(parked: ParkedEvent, applied: AppliedState): boolean {
  if (!MOOT_CODES.includes(parked.code) || parked.refreshFirst) return false;
  const payload = parse(parked.payload);
  // A part of the order (a refund) is moot once the applied state lists it; one it never lists (a payment) is not.
  const holds = payloadOf(parked.topic);
  if (holds?.carries === 'part') return holds.listedIn !== null && listsPart(parse(applied.snapshot), holds.listedIn, payload?.id);
  if (!appliesLatestState(parked.topic) || parked.code === 'order.not_yet_seen') return false;
  const version = typeof payload?.updated_at === 'string' ? Date.parse(payload.updated_at) : Number.NaN;
  return !Number.isNaN(version) && version <= applied.versionMs;
}

export function mootReason(byInboxId: number, byTopic: string, code: string): string {
  return `made moot by event ${byInboxId} (${byTopic}): it applied the order's latest state, which holds this event's change and passes the check this event failed (${code})`;
}
