import type { FailureCategory } from '@shopsync/core';

/** What the engine should do about a failure; the operator sentence is rendered elsewhere (C7). */
export const ERPNEXT_ACTIONS = {
  retry: 'retry',
  refetchAndReapply: 'refetch_and_reapply',
  adoptExisting: 'adopt_existing',
  fixData: 'fix_data',
  fixMapping: 'fix_mapping',
  fixCredentials: 'fix_credentials',
  review: 'review',
  report: 'report',
} as const;
export type ErpnextAction = (typeof ERPNEXT_ACTIONS)[keyof typeof ERPNEXT_ACTIONS];

export interface ErpnextCodeInfo {
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly action: ErpnextAction;
}

const A = ERPNEXT_ACTIONS;

/**
 * Every code toErpnextError can produce (STYLE C5). `retryable` means "sending the same keyed
 * operation again is safe and may succeed"; categories are DESIGN §4's.
 */
export const ERPNEXT_ERROR_CODES = {
  // Our unique operation-key / Shopify-id field already holds this value: adopt the existing doc.
  'erpnext.unique_violation': { category: 'conflict', retryable: false, action: A.adoptExisting },
  'erpnext.duplicate_entry': { category: 'conflict', retryable: false, action: A.adoptExisting },
  'erpnext.not_found': { category: 'drift', retryable: false, action: A.review },
  // A write naming an Item that does not exist: ERPNext loads each line's Item with get_doc before
  // it validates links, so the answer is a 404 DoesNotExistError "Item X not found" (observed on
  // v15), not a LinkValidationError. Item codes are the shop's SKUs: DESIGN §4's "SKU without Item".
  'erpnext.item_not_found': { category: 'mapping', retryable: false, action: A.fixMapping },
  // Someone saved the document after we read it: read it again and re-apply our change.
  'erpnext.timestamp_mismatch': { category: 'transient', retryable: true, action: A.refetchAndReapply },
  'erpnext.validation.mandatory': { category: 'validation', retryable: false, action: A.fixData },
  // A link to a missing Item/Customer/Warehouse is a missing mapping (DESIGN §4 "SKU without Item").
  'erpnext.validation.link': { category: 'mapping', retryable: false, action: A.fixMapping },
  'erpnext.validation.warehouse_required': { category: 'mapping', retryable: false, action: A.fixMapping },
  'erpnext.validation.negative_stock': { category: 'validation', retryable: false, action: A.fixData },
  'erpnext.validation.valuation_rate': { category: 'validation', retryable: false, action: A.fixData },
  // A Stock Reconciliation asking for the quantities and rates already there: the target holds.
  'erpnext.validation.no_stock_change': { category: 'conflict', retryable: false, action: A.adoptExisting },
  // Changing a submitted document is DESIGN §3's "edit after submission": a conflict to review.
  'erpnext.validation.update_after_submit': { category: 'conflict', retryable: false, action: A.review },
  'erpnext.validation.docstatus': { category: 'conflict', retryable: false, action: A.review },
  'erpnext.link_exists': { category: 'conflict', retryable: false, action: A.review },
  'erpnext.validation': { category: 'validation', retryable: false, action: A.fixData },
  'erpnext.auth': { category: 'auth', retryable: false, action: A.fixCredentials },
  'erpnext.permission': { category: 'auth', retryable: false, action: A.fixCredentials },
  'erpnext.rate_limited': { category: 'rate_limited', retryable: true, action: A.retry },
  'erpnext.deadlock': { category: 'transient', retryable: true, action: A.retry },
  'erpnext.query_timeout': { category: 'transient', retryable: true, action: A.retry },
  'erpnext.unavailable': { category: 'transient', retryable: true, action: A.retry },
  // A 500 that is not a lock problem is a bug on one side; repeating it gives the same 500.
  'erpnext.server_error': { category: 'internal', retryable: false, action: A.report },
  // The request may or may not have been applied; safe to repeat only because writes are keyed.
  'erpnext.network': { category: 'transient', retryable: true, action: A.retry },
  // A 4xx Frappe does not produce for a well-formed request, or a 2xx/3xx that is not Frappe JSON.
  'erpnext.bad_request': { category: 'internal', retryable: false, action: A.report },
  'erpnext.unexpected_response': { category: 'internal', retryable: false, action: A.report },
  // A failure in our own code while talking to ERPNext (not a wire problem).
  'erpnext.internal': { category: 'internal', retryable: false, action: A.report },
} as const satisfies Record<string, ErpnextCodeInfo>;

export type ErpnextErrorCode = keyof typeof ERPNEXT_ERROR_CODES;

/** `exc_type` (the Python class name) → code. Frappe and ERPNext subclasses listed in notes §5. */
export const EXC_TYPE_CODES: Readonly<Record<string, ErpnextErrorCode>> = {
  UniqueValidationError: 'erpnext.unique_violation',
  DuplicateEntryError: 'erpnext.duplicate_entry',
  NameError: 'erpnext.duplicate_entry',
  DoesNotExistError: 'erpnext.not_found',
  PageDoesNotExistError: 'erpnext.not_found',
  TimestampMismatchError: 'erpnext.timestamp_mismatch',
  MandatoryError: 'erpnext.validation.mandatory',
  LinkValidationError: 'erpnext.validation.link',
  CancelledLinkError: 'erpnext.validation.link',
  WarehouseRequired: 'erpnext.validation.warehouse_required',
  NegativeStockError: 'erpnext.validation.negative_stock',
  EmptyStockReconciliationItemsError: 'erpnext.validation.no_stock_change',
  UpdateAfterSubmitError: 'erpnext.validation.update_after_submit',
  DocstatusTransitionError: 'erpnext.validation.docstatus',
  LinkExistsError: 'erpnext.link_exists',
  AuthenticationError: 'erpnext.auth',
  SessionExpired: 'erpnext.auth',
  InvalidKeyError: 'erpnext.auth',
  CSRFTokenError: 'erpnext.auth',
  InvalidAuthorizationHeader: 'erpnext.auth',
  InvalidAuthorizationPrefix: 'erpnext.auth',
  InvalidAuthorizationToken: 'erpnext.auth',
  PermissionError: 'erpnext.permission',
  TooManyRequestsError: 'erpnext.rate_limited',
  RateLimitExceededError: 'erpnext.rate_limited',
  QueryDeadlockError: 'erpnext.deadlock',
  QueryTimeoutError: 'erpnext.query_timeout',
  SessionStopped: 'erpnext.unavailable',
  InReadOnlyMode: 'erpnext.unavailable',
  QueueOverloaded: 'erpnext.unavailable',
  JSONDecodeError: 'erpnext.server_error',
  // Python built-ins raised inside app code, with no Frappe class of their own (observed on v15:
  // AttributeError from Customer.autoname when customer_name is missing, TypeError from
  // get_payment_entry given a string amount). The same request fails the same way every time, so
  // never retryable; and the message ("'NoneType' object has no attribute 'strip'") names nothing
  // an operator could fix in ERPNext's data: the request itself was wrong, or ERPNext has a bug.
  // Either way it is `internal` (report with the evidence), not `validation` (fix the data).
  AttributeError: 'erpnext.server_error',
  TypeError: 'erpnext.server_error',
};

/**
 * Plain `ValidationError`s that ERPNext raises with `frappe.throw(msg)` and no class of its own;
 * only the message tells them apart (notes §5, §9). Checked against the decoded text.
 */
export const MESSAGE_CODES: ReadonlyArray<{ readonly pattern: RegExp; readonly code: ErpnextErrorCode }> = [
  { pattern: /^Valuation Rate for the Item .* is required/m, code: 'erpnext.validation.valuation_rate' },
  // Stock Reconciliation's own wording (stock_reconciliation.py update_stock_ledger).
  { pattern: /^Valuation Rate required for Item .* at row \d+/m, code: 'erpnext.validation.valuation_rate' },
  { pattern: /Delivery warehouse required for stock item/, code: 'erpnext.validation.warehouse_required' },
  // Buying documents (buying/utils.py validate_stock_item_warehouse) and Stock Entry rows.
  { pattern: /Warehouse is mandatory for stock Item /, code: 'erpnext.validation.warehouse_required' },
  { pattern: /^(Source|Target) warehouse is mandatory for row \d+/m, code: 'erpnext.validation.warehouse_required' },
  { pattern: /needed in .* to complete this transaction/, code: 'erpnext.validation.negative_stock' },
  { pattern: /^Cannot edit cancelled document/m, code: 'erpnext.validation.docstatus' },
  { pattern: /^Cannot change docstatus from/m, code: 'erpnext.validation.docstatus' },
  { pattern: /Not allowed to change .* after submission/, code: 'erpnext.validation.update_after_submit' },
];

/** Fallback when the body says nothing usable (proxies, HTML error pages, bare status codes). */
export function codeForStatus(status: number): ErpnextErrorCode {
  if (status === 401) return 'erpnext.auth';
  if (status === 403) return 'erpnext.permission';
  if (status === 404) return 'erpnext.not_found';
  if (status === 409) return 'erpnext.duplicate_entry';
  if (status === 417) return 'erpnext.validation';
  if (status === 429) return 'erpnext.rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'erpnext.unavailable';
  if (status >= 500) return 'erpnext.server_error';
  if (status >= 400) return 'erpnext.bad_request';
  return 'erpnext.unexpected_response';
}
