/** A push shopsync made, remembered so the webhook it causes is recognised (the echo ledger). */
export interface RecentPush {
  readonly quantity: number;
  /** ISO instant the push was sent. */
  readonly at: string;
}

export type LevelUpdateVerdict =
  /** Our own push coming back: recorded, not applied. */
  | { readonly kind: 'echo'; readonly pushedAt: string }
  /** Shopify holds what ERPNext's Bins say (an order's units, a push whose echo expired): nothing to do. */
  | { readonly kind: 'consistent' }
  /** A change nobody in ERPNext made: surfaced, never written to ERPNext stock. */
  | { readonly kind: 'drift'; readonly shopify: number; readonly erpnext: number };

/**
 * An `inventory_levels/update` is an echo when a push within the echo window set exactly this
 * `available`; otherwise it is compared with what ERPNext says Shopify should hold.
 */
export function classifyLevelUpdate(available: number, recentPushes: readonly RecentPush[], expected: number): LevelUpdateVerdict {
  const echo = recentPushes.find((push) => push.quantity === available);
  if (echo !== undefined) return { kind: 'echo', pushedAt: echo.at };
  if (available === expected) return { kind: 'consistent' };
  return { kind: 'drift', shopify: available, erpnext: expected };
}
