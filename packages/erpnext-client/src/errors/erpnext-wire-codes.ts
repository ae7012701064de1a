import type { FailureCode } from '@shopsync/core';

/**
 * The codes toErpnextError produces. Their category, retry safety and remedy are rows of core's
 * FAILURE_CODES (the one table, STYLE C5); this file only says which wire answer is which code.
 */
export type ErpnextErrorCode = Extract<FailureCode, `erpnext.${string}`>;

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
