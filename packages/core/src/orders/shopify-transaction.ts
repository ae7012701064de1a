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
