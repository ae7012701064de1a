/** Every synthetic event a backfill enqueues has a webhook id starting so; Shopify's are UUIDs. */
export const BACKFILL_WEBHOOK_PREFIX = 'backfill:';

/**
 * The webhook id of a backfilled order state: the same order at the same updated_at always gets the
 * same id, so the inbox's (shop, webhook_id) key makes a second backfill enqueue nothing new, and a
 * later change of the order (a new updated_at) is a new event. `updatedAt` is the Admin API's UTC
 * instant, so the id does not depend on the shop's time zone.
 */
export function backfillOrderWebhookId(orderId: string, updatedAt: string): string {
  return `${BACKFILL_WEBHOOK_PREFIX}${orderId}:${updatedAt}`;
}

/** A transaction never changes once made, so its id alone names it. */
export function backfillTransactionWebhookId(transactionId: string): string {
  return `${BACKFILL_WEBHOOK_PREFIX}transaction:${transactionId}`;
}
