/** How Shopify says refunded goods go back to stock. */
export type RestockType = 'no_restock' | 'cancel' | 'return' | 'legacy_restock';

export interface ShopifyRefundLine {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly restockType: RestockType;
  /** The line's refunded amount before tax, after its discount share, shop money. */
  readonly subtotalCents: number;
  readonly taxCents: number;
}

export interface ShopifyRefundTransaction {
  readonly id: string;
  readonly gateway: string;
  readonly amountCents: number;
}

/** One Shopify refund: the goods, shipping and adjustments it gives back, and the money that moved. */
export interface ShopifyRefund {
  readonly id: string;
  readonly createdAt: string;
  readonly lines: readonly ShopifyRefundLine[];
  readonly shippingCents: number;
  readonly shippingTaxCents: number;
  /** Order adjustments (e.g. a refund discrepancy), signed as Shopify gives them (negative = given back). */
  readonly adjustmentCents: number;
  /** Successful refund transactions only: money that actually left the merchant. */
  readonly transactions: readonly ShopifyRefundTransaction[];
}
