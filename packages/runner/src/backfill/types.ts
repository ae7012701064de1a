export interface RefusedOrder {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

export interface BackfillShopResult {
  readonly shop: string;
  /** Orders updated in the window. */
  readonly scanned: number;
  /** Orders put into the inbox as orders/updated events. */
  readonly enqueued: number;
  /** Orders whose backfill event (same order, same updated_at) the inbox already holds. */
  readonly alreadyKnown: number;
  /** order_transactions/create events enqueued with them (payments are planned from these). */
  readonly transactions: number;
  /** Orders not enqueued because they would not plan like their webhook; each named with why. */
  readonly refused: readonly RefusedOrder[];
}

export interface BackfillProgress {
  readonly shop: string;
  readonly done: number;
  readonly total: number;
  readonly enqueued: number;
}
