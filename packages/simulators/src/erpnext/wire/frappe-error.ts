/** Python exception classes the simulator raises: HTTP status and defining module (notes §5). */
export const EXCEPTIONS = {
  ValidationError: { status: 417, module: 'frappe.exceptions' },
  MandatoryError: { status: 417, module: 'frappe.exceptions' },
  LinkValidationError: { status: 417, module: 'frappe.exceptions' },
  CancelledLinkError: { status: 417, module: 'frappe.exceptions' },
  UniqueValidationError: { status: 417, module: 'frappe.exceptions' },
  TimestampMismatchError: { status: 417, module: 'frappe.exceptions' },
  UpdateAfterSubmitError: { status: 417, module: 'frappe.exceptions' },
  DocstatusTransitionError: { status: 417, module: 'frappe.exceptions' },
  LinkExistsError: { status: 417, module: 'frappe.exceptions' },
  DataError: { status: 417, module: 'frappe.exceptions' },
  CharacterLengthExceededError: { status: 417, module: 'frappe.exceptions' },
  DoesNotExistError: { status: 404, module: 'frappe.exceptions' },
  DuplicateEntryError: { status: 409, module: 'frappe.exceptions' },
  PermissionError: { status: 403, module: 'frappe.exceptions' },
  AuthenticationError: { status: 401, module: 'frappe.exceptions' },
  InvalidAuthorizationToken: { status: 400, module: 'frappe.exceptions' },
  TooManyRequestsError: { status: 429, module: 'frappe.exceptions' },
  SessionStopped: { status: 503, module: 'frappe.exceptions' },
  QueryDeadlockError: { status: 500, module: 'frappe.exceptions' },
  QueryTimeoutError: { status: 500, module: 'frappe.exceptions' },
  JSONDecodeError: { status: 500, module: 'json.decoder' },
  // Python builtins: a traceback names them without a module ("TypeError: bad operand ...").
  TypeError: { status: 500, module: '' },
  AttributeError: { status: 500, module: '' },
  WarehouseRequired: { status: 417, module: 'erpnext.selling.doctype.sales_order.sales_order' },
  NegativeStockError: { status: 417, module: 'erpnext.stock.stock_ledger' },
  EmptyStockReconciliationItemsError: { status: 417, module: 'erpnext.stock.doctype.stock_reconciliation.stock_reconciliation' },
  OpeningEntryAccountError: { status: 417, module: 'erpnext.stock.doctype.stock_reconciliation.stock_reconciliation' },
  ItemPriceDuplicateItem: { status: 417, module: 'erpnext.stock.doctype.item_price.item_price' },
} as const;

export type ExcType = keyof typeof EXCEPTIONS;

export interface FrappeErrorSpec {
  /** A class from EXCEPTIONS, or any other name (an injected fault may use one the table lacks). */
  readonly excType: ExcType | (string & {});
  /** `str(exception)`: the text after "Class: " on the traceback's last line; empty for bare raises. */
  readonly excArg?: string;
  /** Set for exceptions raised inside ERPNext code: the body then carries `"_exc_source": "erpnext (app)"`. */
  readonly fromErpnext?: boolean;
  /** `frappe.flags.error_message`, sent as `_error_message` (permission failures). */
  readonly errorMessage?: string;
  /** `frappe.flags.disable_traceback` (set by `check_doctype_permission`): no `exception` / `exc`. */
  readonly disableTraceback?: boolean;
  /** Overrides the class status (a fault may answer 502 with any exc_type). */
  readonly status?: number;
}

/** A Python exception on its way to `handle_exception`; the request's message log travels apart. */
export class FrappeError extends Error {
  readonly status: number;
  constructor(readonly spec: FrappeErrorSpec) {
    super(`${spec.excType}: ${spec.excArg ?? ''}`);
    this.name = 'FrappeError';
    this.status = spec.status ?? (EXCEPTIONS as Record<string, { status: number }>)[spec.excType]?.status ?? 500;
  }

  /** The last traceback line, e.g. "frappe.exceptions.ValidationError: Please enter Delivery Date". */
  get exceptionLine(): string {
    const module = (EXCEPTIONS as Record<string, { module: string }>)[this.spec.excType]?.module ?? 'frappe.exceptions';
    const head = module === '' ? this.spec.excType : `${module}.${this.spec.excType}`;
    return this.spec.excArg ? `${head}: ${this.spec.excArg}` : head;
  }
}

export function isFrappeError(value: unknown): value is FrappeError {
  return value instanceof FrappeError;
}
