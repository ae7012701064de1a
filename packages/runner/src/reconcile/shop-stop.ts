import type { FailureCode, SyncError } from '@shopsync/core';
import { failureReason } from './read-with-retry';
import type { OrderCheck } from './check-order';

// Refusals that hold for every order of the shop alike (a revoked token, a missing scope, a frozen
// shop, a wrong ERPNext key): going on would only name the same refusal once per order. A 403 on one
// doctype (erpnext.permission) is not here: other orders may not need that doctype.
const SHOP_WIDE_CODES: ReadonlySet<FailureCode> = new Set(['shopify.auth', 'shopify.access_denied', 'shopify.shop_unavailable', 'erpnext.auth']);

/**
 * Orders in a row whose reads still failed after their retries before the service counts as
 * unreachable: each costs `maxAttempts` timeouts, and 1,000 of them would run for hours to say so.
 */
export const UNREACHABLE_AFTER_ORDERS = 5;

export interface StopReason {
  readonly code: string;
  readonly reason: string;
}

/** Why a failed listing (the shop's time zone, the order list) ends the shop. */
export function listingStop(error: SyncError, attempts: number): StopReason {
  return { code: error.code, reason: `the orders of the window could not be listed: ${failureReason(error, attempts)}` };
}

/** What stopWatch needs of a check: an order's, or a customer's (check-customer.ts). */
export type WatchedCheck = { readonly kind: 'compared' } | Extract<OrderCheck, { kind: 'not_compared' }>;

/** Watches each order's (or customer's: `noun`) check and says when the rest of the shop cannot be compared either. */
export function stopWatch(noun: 'order' | 'customer' = 'order'): (check: WatchedCheck) => StopReason | null {
  let failedInARow = 0;
  return (check) => {
    if (check.kind === 'compared' || check.error === null) {
      failedInARow = 0;
      return null;
    }
    const error = check.error;
    if (SHOP_WIDE_CODES.has(error.code)) return { code: error.code, reason: `${check.order.name}: ${check.order.reason}; every other ${noun} would be refused alike` };
    failedInARow = error.retryable ? failedInARow + 1 : 0;
    if (failedInARow < UNREACHABLE_AFTER_ORDERS) return null;
    return { code: error.code, reason: `${failedInARow} ${noun}s in a row could not be read after retries (last: ${check.order.name}: ${check.order.reason}); taken as unreachable` };
  };
}
