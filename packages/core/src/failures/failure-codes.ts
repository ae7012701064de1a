import type { FailureCategory } from '../errors/failure-category';

export interface FailureCodeInfo {
  readonly category: FailureCategory;
  readonly retryable: boolean;
  /** What the operator does about it, appended to the failure's sentence. */
  readonly action: string;
}

/**
 * Failures the core itself decides. Wire failures get their codes from the clients (erpnext.*,
 * shopify.*); their category and retry safety travel on the SyncError.
 */
export const CORE_FAILURE_CODES = {
  'payload.invalid': {
    category: 'validation',
    retryable: false,
    action: 'check the payload in the event evidence; if Shopify sent it, report it as a bug',
  },
  'mapping.sku_missing': {
    category: 'mapping',
    retryable: false,
    action: 'give the variant a SKU in Shopify (it must equal an ERPNext Item Code), then requeue the event',
  },
  'mapping.currency_unsupported': {
    category: 'mapping',
    retryable: false,
    action: 'multi-currency orders are not synced yet; enter this order in ERPNext by hand or ignore the failure',
  },
  'mapping.tax_account_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'map that tax title to an ERPNext tax account in mapping.taxAccounts, then retry',
  },
  'mapping.shipping_account_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'set mapping.shippingAccount to the ERPNext account that books shipping charges, then retry',
  },
  'mapping.tip_account_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'set mapping.tipAccount to the ERPNext account that books tips, then retry',
  },
  'mapping.duties_account_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'set mapping.dutiesAccount to the ERPNext account that books import duties, then retry',
  },
  'mapping.rounding_account_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'set mapping.roundingAccount to the ERPNext account that books rounding differences (for example Round Off), then retry',
  },
  'mapping.gift_card_item_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'set mapping.giftCardItem to a non-stock ERPNext Item for gift card sales, then retry',
  },
  'mapping.gateway_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'map that gateway to a Mode of Payment and account in mapping.paymentGateways, then retry',
  },
  'validation.total_mismatch': {
    category: 'validation',
    retryable: false,
    action: 'nothing was posted; check the order\'s discounts, taxes and fees in Shopify against the mapping, then retry or enter it by hand',
  },
  'validation.refund_mismatch': {
    category: 'validation',
    retryable: false,
    action: 'nothing was posted; check the refund in Shopify (lines, shipping, adjustments) against the invoice, then retry or book the credit note by hand',
  },
  'order.not_yet_seen': {
    category: 'transient',
    retryable: true,
    action: 'it waits for the order and is applied when the order arrives; parked only when the order has not arrived within worker.retryForMinutes, then requeue the order from Shopify (shopsync reconcile --repair)',
  },
  'order.not_yet_paid': {
    category: 'transient',
    retryable: true,
    action: 'it waits for the order\'s orders/paid and is applied after it; parked only when that has not arrived within worker.retryForMinutes, then requeue the order',
  },
  'conflict.order_edit_blocked': {
    category: 'conflict',
    retryable: false,
    action: 'book the change in ERPNext by hand (a credit note or another invoice) and ignore this failure, or cancel the blocking documents and retry',
  },
  'conflict.cancel_blocked': {
    category: 'conflict',
    retryable: false,
    action: 'cancel or return the documents that depend on it in ERPNext, then requeue; or ignore the failure to keep the order',
  },
  'drift.order_differs': {
    category: 'drift',
    retryable: false,
    action: "requeue it to bring ERPNext to Shopify's order (keyed writes: nothing is booked twice, an edit is amended), or correct ERPNext by hand and ignore it",
  },
  'internal.unexpected': {
    category: 'internal',
    retryable: false,
    action: 'report it with the event evidence attached',
  },
} as const satisfies Record<string, FailureCodeInfo>;

export type CoreFailureCode = keyof typeof CORE_FAILURE_CODES;
