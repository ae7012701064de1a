/** A verified, stored webhook as the core sees it. */
export interface InboundEvent {
  readonly shop: string;
  readonly topic: string;
  readonly payload: unknown;
}

/** What the runner knows about a resource before planning; loaded from its store, never from a clock. */
export interface PlanContext {
  /** The newest version (Shopify updated_at) of this resource already applied, if any. */
  readonly appliedVersion: string | null;
  /** The newest payload applied for this resource (an order's REST JSON), for events that carry only a part of it. */
  readonly latestSnapshot?: unknown;
}

export const EMPTY_CONTEXT: PlanContext = { appliedVersion: null };

/**
 * Shopify timestamps carry an offset (`2026-11-27T10:15:00-05:00`), so they are compared as instants.
 * The result is negative, zero or positive like a comparator.
 */
export function compareVersions(a: string, b: string): number {
  const left = Date.parse(a);
  const right = Date.parse(b);
  if (Number.isNaN(left) || Number.isNaN(right)) return a < b ? -1 : a > b ? 1 : 0;
  return left - right;
}
