import type { FailureCategory } from '../errors/failure-category';

/**
 * A machine-readable tag of what fixes a wire failure. The clients write it to the error's
 * `details.action`, so it travels with the evidence (`failures show`, Sync Failure details); the
 * engine itself decides by `category` and `retryable` alone.
 */
export const FAILURE_REMEDIES = [
  'retry',
  'refetch_and_reapply',
  'retry_with_new_key',
  'adopt_existing',
  'fix_data',
  'fix_mapping',
  'fix_credentials',
  'fix_query',
  'review',
  'report',
] as const;

export type FailureRemedy = (typeof FAILURE_REMEDIES)[number];

export interface FailureCodeInfo {
  readonly category: FailureCategory;
  /** Whether repeating the same request (or operation, by its key) is safe and may succeed. */
  readonly retryable: boolean;
  /** What the operator does about it, ending the failure's sentence; without it, the category's (describe-failure.ts). */
  readonly action?: string;
  readonly remedy?: FailureRemedy;
}

/**
 * Every code any package produces (STYLE C5), by producer: the core's plans, the ERPNext client's
 * toErpnextError, the Shopify client's toShopifyError, and the runner's own. `FailureCode` is its
 * keys, so a SyncError or Failure with a code that has no row does not compile. `retryable` means
 * "sending the same keyed operation again is safe and may succeed"; categories are DESIGN §4's.
 */
export const FAILURE_CODES = {
  // --- decided by the core (plans) ---
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
  // Also minted by the runner's worker, when ERPNext refuses the amendment or the cancellation.
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
  'drift.customer_differs': {
    category: 'drift',
    retryable: false,
    action: "requeue it to bring ERPNext's Customer, Contact and Addresses to Shopify's customer (only the fields Shopify owns are written), or correct ERPNext by hand and ignore it",
  },
  // --- ERPNext → Shopify: stock and fulfillment ---
  'mapping.stock_item_unlinked': {
    category: 'mapping',
    retryable: false,
    action: 'give the Shopify variant the Item Code as its SKU (or create the product in Shopify), then retry: the push is of the quantity ERPNext holds then',
  },
  'mapping.stock_item_not_stocked': {
    category: 'mapping',
    retryable: false,
    action: 'stock the variant at that location in Shopify (Inventory → the location), or map the warehouse to another location, then retry',
  },
  'mapping.warehouse_unmapped': {
    category: 'mapping',
    retryable: false,
    action: 'add the warehouse to mapping.locationWarehouses under the Shopify location it counts into (or ignore this failure if the warehouse is not sold from), then retry',
  },
  'drift.stock_differs': {
    category: 'drift',
    retryable: true,
    action: "press Retry to set Shopify to ERPNext's quantity (ERPNext is the stock authority; nothing is written to ERPNext stock), or correct the stock in ERPNext and ignore this failure",
  },
  'conflict.delivery_note_cancelled': {
    category: 'conflict',
    retryable: false,
    action: 'cancel the fulfillment in Shopify by hand if the goods did not leave (shopsync never cancels one silently), then ignore this failure',
  },
  // Also the runner's code for anything thrown that is not a SyncError.
  'internal.unexpected': {
    category: 'internal',
    retryable: false,
    action: 'report it with the event evidence attached',
  },

  // --- the runner's own (worker, reconcile); the sentence is the category's ---
  // A row the plan names is missing from ERPNext's draft (already returned, say): stop, post nothing smaller.
  'conflict.row_not_offered': { category: 'conflict', retryable: false },
  // A document the plan's key finds was cancelled in ERPNext since: a person decided, not shopsync.
  'conflict.document_cancelled': { category: 'conflict', retryable: false },
  // A bug while reading for reconcile; it would fail the same way again.
  'reconcile.unexpected': { category: 'internal', retryable: false },

  // --- the ERPNext client (toErpnextError); the sentence is the category's ---
  // Our unique operation-key / Shopify-id field already holds this value: adopt the existing doc.
  'erpnext.unique_violation': { category: 'conflict', retryable: false, remedy: 'adopt_existing' },
  'erpnext.duplicate_entry': { category: 'conflict', retryable: false, remedy: 'adopt_existing' },
  'erpnext.not_found': { category: 'drift', retryable: false, remedy: 'review' },
  // A write naming an Item that does not exist: ERPNext loads each line's Item with get_doc before
  // it validates links, so the answer is a 404 DoesNotExistError "Item X not found" (observed on
  // v15), not a LinkValidationError. Item codes are the shop's SKUs: DESIGN §4's "SKU without Item".
  'erpnext.item_not_found': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  // Someone saved the document after we read it: read it again and re-apply our change.
  'erpnext.timestamp_mismatch': { category: 'transient', retryable: true, remedy: 'refetch_and_reapply' },
  'erpnext.validation.mandatory': { category: 'validation', retryable: false, remedy: 'fix_data' },
  // A link to a missing Item/Customer/Warehouse is a missing mapping (DESIGN §4 "SKU without Item").
  'erpnext.validation.link': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  'erpnext.validation.warehouse_required': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  // A Delivery Note is dated when Shopify fulfilled it (set_posting_time): stock received later does not
  // cover it, and the draft a first attempt left keeps its time, so "fix the data, then retry" failed
  // again every time in the chaos runs. The sentence says what does work.
  'erpnext.validation.negative_stock': {
    category: 'validation',
    retryable: false,
    remedy: 'fix_data',
    action: 'receive the missing stock into that warehouse with a posting date and time no later than the ones ERPNext names (the delivery is dated when Shopify fulfilled it, so stock received after that does not cover it), then retry',
  },
  // A stock document shopsync makes (a Delivery Note) cannot post without a valuation: its draft posts nothing.
  'erpnext.validation.valuation_rate': {
    category: 'validation',
    retryable: false,
    remedy: 'fix_data',
    action: "set the Item's Valuation Rate in ERPNext (or receive its stock with a rate), or tick Allow Zero Valuation Rate on the Item if the store gives it away at no cost, then retry; nothing was posted",
  },
  // A Stock Reconciliation asking for the quantities and rates already there: the target holds.
  'erpnext.validation.no_stock_change': { category: 'conflict', retryable: false, remedy: 'adopt_existing' },
  // Changing a submitted document is DESIGN §3's "edit after submission": a conflict to review.
  'erpnext.validation.update_after_submit': { category: 'conflict', retryable: false, remedy: 'review' },
  'erpnext.validation.docstatus': { category: 'conflict', retryable: false, remedy: 'review' },
  'erpnext.link_exists': { category: 'conflict', retryable: false, remedy: 'review' },
  'erpnext.validation': { category: 'validation', retryable: false, remedy: 'fix_data' },
  'erpnext.auth': { category: 'auth', retryable: false, remedy: 'fix_credentials' },
  'erpnext.permission': { category: 'auth', retryable: false, remedy: 'fix_credentials' },
  'erpnext.rate_limited': { category: 'rate_limited', retryable: true, remedy: 'retry' },
  'erpnext.deadlock': { category: 'transient', retryable: true, remedy: 'retry' },
  'erpnext.query_timeout': { category: 'transient', retryable: true, remedy: 'retry' },
  'erpnext.unavailable': { category: 'transient', retryable: true, remedy: 'retry' },
  // A 500 that is not a lock problem is a bug on one side; repeating it gives the same 500.
  'erpnext.server_error': { category: 'internal', retryable: false, remedy: 'report' },
  // The request may or may not have been applied; safe to repeat only because writes are keyed.
  'erpnext.network': { category: 'transient', retryable: true, remedy: 'retry' },
  // A 4xx Frappe does not produce for a well-formed request, or a 2xx/3xx that is not Frappe JSON.
  'erpnext.bad_request': { category: 'internal', retryable: false, remedy: 'report' },
  'erpnext.unexpected_response': { category: 'internal', retryable: false, remedy: 'report' },
  // A failure in our own code while talking to ERPNext (not a wire problem).
  'erpnext.internal': { category: 'internal', retryable: false, remedy: 'report' },

  // --- the Shopify client (toShopifyError, the GraphQL client); the sentence is the category's ---
  // Bucket empty (GraphQL THROTTLED in a 200 body, or HTTP 429): nothing ran, wait and resend.
  'shopify.throttled': { category: 'rate_limited', retryable: true, remedy: 'retry' },
  // The query as written costs more than 1000 points: no retry helps, the query must change (notes §2).
  'shopify.max_cost_exceeded': { category: 'internal', retryable: false, remedy: 'fix_query' },
  'shopify.auth': { category: 'auth', retryable: false, remedy: 'fix_credentials' },
  // A missing access scope (ACCESS_DENIED, HTTP 403).
  'shopify.access_denied': { category: 'auth', retryable: false, remedy: 'fix_credentials' },
  // HTTP 402 (shop frozen for non-payment) or 423 (shop locked).
  'shopify.shop_unavailable': { category: 'auth', retryable: false, remedy: 'review' },
  // HTTP 404: a wrong shop domain or API path; GraphQL itself answers a missing record with null.
  'shopify.not_found': { category: 'drift', retryable: false, remedy: 'review' },
  // A document Shopify cannot parse (PARSE_ERROR) or its validator rejects (undefinedField,
  // argumentNotAccepted, …): the query text is a bug here, and resending it cannot succeed.
  'shopify.invalid_query': { category: 'internal', retryable: false, remedy: 'fix_query' },
  'shopify.invalid_variables': { category: 'internal', retryable: false, remedy: 'fix_query' },
  'shopify.bad_request': { category: 'internal', retryable: false, remedy: 'report' },
  'shopify.server_error': { category: 'transient', retryable: true, remedy: 'retry' },
  // No response: a mutation may or may not have been applied (retry only what is retry-safe).
  'shopify.network': { category: 'transient', retryable: true, remedy: 'retry' },
  'shopify.unexpected_response': { category: 'internal', retryable: false, remedy: 'report' },
  'shopify.graphql_error': { category: 'internal', retryable: false, remedy: 'report' },
  // A document sent that is not in SHOPIFY_DOCUMENTS (the cost and retry-safety registry): a bug here.
  'shopify.unregistered_document': { category: 'internal', retryable: false, remedy: 'report' },
  // A mutation's userErrors without a code of their own below (or without any code): a validation failure.
  'shopify.user_error': { category: 'validation', retryable: false, remedy: 'fix_data' },
  // userErrors[].code values with a behaviour of their own (lower-cased). Sources: the
  // InventorySetQuantitiesUserErrorCode, BulkOperationUserErrorCode enums of 2026-10 and notes §3.3–3.4.
  // The quantity changed since we read it: re-read, recompute, new key (notes §3.3).
  'shopify.user_error.change_from_quantity_stale': { category: 'conflict', retryable: true, remedy: 'refetch_and_reapply' },
  'shopify.user_error.compare_quantity_stale': { category: 'conflict', retryable: true, remedy: 'refetch_and_reapply' },
  // Our own earlier request with this key is still running: the same request may be sent again.
  'shopify.user_error.idempotency_concurrent_request': { category: 'transient', retryable: true, remedy: 'retry' },
  'shopify.user_error.idempotency_key_parameter_mismatch': { category: 'internal', retryable: false, remedy: 'report' },
  'shopify.user_error.idempotency_previous_attempt_failed': { category: 'conflict', retryable: false, remedy: 'retry_with_new_key' },
  'shopify.user_error.invalid_inventory_item': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  'shopify.user_error.invalid_location': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  'shopify.user_error.item_not_stocked_at_location': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  'shopify.user_error.non_mutable_inventory_item': { category: 'mapping', retryable: false, remedy: 'fix_mapping' },
  'shopify.user_error.invalid_name': { category: 'internal', retryable: false, remedy: 'report' },
  'shopify.user_error.invalid_reason': { category: 'internal', retryable: false, remedy: 'report' },
  // Another bulk query holds the slot: wait and start again.
  'shopify.user_error.operation_in_progress': { category: 'rate_limited', retryable: true, remedy: 'retry' },
  'shopify.user_error.limit_reached': { category: 'rate_limited', retryable: true, remedy: 'retry' },
  'shopify.user_error.taken': { category: 'conflict', retryable: false, remedy: 'adopt_existing' },
} as const satisfies Record<string, FailureCodeInfo>;

/**
 * Shopify's userErrors codes are an open set (new ones appear with API versions): one without a row
 * keeps its name, so the evidence says what Shopify said, and takes the `shopify.user_error` row.
 */
export type ShopifyUserErrorCode = `shopify.user_error.${string}`;

export type FailureCode = keyof typeof FAILURE_CODES | ShopifyUserErrorCode;
