/** A Shopify order transaction (order_transactions/create): money moved, or an attempt to move it. */
export interface ShopifyTransaction {
  readonly id: string;
  readonly orderId: string;
  /** sale, capture, authorization, void, refund, change, emv_authorization, suggested_refund. */
  readonly kind: string;
  /** success, failure, error, pending. */
  readonly status: string;
  readonly gateway: string;
  readonly amountCents: number;
  readonly createdAt: string;
}

/** A transaction from its exact ids and amount; what either wire shape leaves out reads as a webhook without it. */
export function shopifyTransaction(id: string, orderId: string, amountCents: number, rest: { kind: string | null; status: string | null; gateway: string | null; createdAt: string | null }): ShopifyTransaction {
  return {
    id,
    orderId,
    kind: rest.kind ?? 'unknown',
    status: rest.status ?? 'unknown',
    gateway: rest.gateway ?? 'manual',
    amountCents,
    createdAt: rest.createdAt ?? '',
  };
}
