import { frappeBody, type Msg } from './erpnext-bodies';

/**
 * One row per Frappe / ERPNext exception of notes §5, with bodies shaped as in §4 (the first is the
 * notes' own example, verbatim): what the server sends, and the SyncError the client must make of it.
 */
export const E = 'frappe.exceptions';
export const throwMsg = (message: string, extra: Partial<Msg> = {}): Msg => ({ message, raise: true, ...extra });

export interface ExceptionRow {
  readonly name: string;
  readonly status: number;
  readonly body: unknown;
  readonly code: string;
  readonly category: string;
  readonly retryable: boolean;
  readonly message: string;
}

export const EXCEPTION_ROWS: readonly ExceptionRow[] = [
  {
    name: 'ValidationError (the notes §4 example, verbatim)',
    status: 417,
    body: '{"exception":"frappe.exceptions.ValidationError: Please enter Delivery Date","exc_type":"ValidationError","_exc_source":"erpnext (app)","exc":"[\\"Traceback (most recent call last):\\\\n  File ...\\"]","_server_messages":"[\\"{\\\\\\"message\\\\\\": \\\\\\"Please enter Delivery Date\\\\\\", \\\\\\"title\\\\\\": \\\\\\"Message\\\\\\", \\\\\\"indicator\\\\\\": \\\\\\"red\\\\\\", \\\\\\"raise_exception\\\\\\": 1, \\\\\\"__frappe_exc_id\\\\\\": \\\\\\"9c1f...\\\\\\"}\\"]"}',
    code: 'erpnext.validation', category: 'validation', retryable: false, message: 'Please enter Delivery Date',
  },
  {
    name: 'MandatoryError: one plain msgprint per field',
    status: 417,
    body: frappeBody({
      exception: `${E}.MandatoryError: [Sales Order, SAL-ORD-2024-00001]: customer, items`,
      excType: 'MandatoryError',
      messages: [{ message: 'Error: Value missing for Sales Order: Customer' }, { message: 'Error: Data missing in table: Items' }],
    }),
    code: 'erpnext.validation.mandatory', category: 'validation', retryable: false,
    message: 'Error: Value missing for Sales Order: Customer\nError: Data missing in table: Items',
  },
  {
    name: 'LinkValidationError on a child row',
    status: 417,
    body: frappeBody({ exception: `${E}.LinkValidationError: Could not find Row #1: Item Code: SKU-1`, excType: 'LinkValidationError', messages: [throwMsg('Could not find Row #1: Item Code: SKU-1')] }),
    code: 'erpnext.validation.link', category: 'mapping', retryable: false, message: 'Could not find Row #1: Item Code: SKU-1',
  },
  {
    name: 'CancelledLinkError',
    status: 417,
    body: frappeBody({ excType: 'CancelledLinkError', messages: [throwMsg('Cannot link cancelled document: Sales Order SAL-ORD-2025-00001')] }),
    code: 'erpnext.validation.link', category: 'mapping', retryable: false, message: 'Cannot link cancelled document: Sales Order SAL-ORD-2025-00001',
  },
  {
    name: 'DuplicateEntryError (primary key)',
    status: 409,
    body: frappeBody({
      exception: `${E}.DuplicateEntryError: ('Item', 'SKU-1', IntegrityError(1062, "Duplicate entry 'SKU-1' for key 'PRIMARY'"))`,
      excType: 'DuplicateEntryError',
      messages: [{ message: 'Item <strong>SKU-1</strong> already exists', title: 'Duplicate Name', indicator: 'red' }],
    }),
    code: 'erpnext.duplicate_entry', category: 'conflict', retryable: false, message: 'Item SKU-1 already exists',
  },
  {
    name: 'UniqueValidationError on a unique custom field',
    status: 417,
    body: frappeBody({
      exception: `${E}.UniqueValidationError: ('Sales Order', 'SAL-ORD-2025-00002', IntegrityError(1062, "Duplicate entry 'order:1' for key 'shopsync_key'"))`,
      excType: 'UniqueValidationError',
      messages: [{ message: 'Shopsync Key must be unique' }],
    }),
    code: 'erpnext.unique_violation', category: 'conflict', retryable: false, message: 'Shopsync Key must be unique',
  },
  {
    name: 'TimestampMismatchError',
    status: 417,
    body: frappeBody({
      exception: `${E}.TimestampMismatchError: Error: Document has been modified after you have opened it`,
      excType: 'TimestampMismatchError',
      messages: [throwMsg('Error: Document has been modified after you have opened it (2025-01-01 10:00:00.000001, 2025-01-01 10:00:02). Please refresh to get the latest document.')],
    }),
    code: 'erpnext.timestamp_mismatch', category: 'transient', retryable: true,
    message: 'Error: Document has been modified after you have opened it (2025-01-01 10:00:00.000001, 2025-01-01 10:00:02). Please refresh to get the latest document.',
  },
  {
    name: 'DocstatusTransitionError (raised bare: only the exception line says why)',
    status: 417,
    body: frappeBody({ exception: `${E}.DocstatusTransitionError: Cannot change docstatus from 0 (Draft) to 2 (Cancelled)`, excType: 'DocstatusTransitionError' }),
    code: 'erpnext.validation.docstatus', category: 'conflict', retryable: false, message: 'Cannot change docstatus from 0 (Draft) to 2 (Cancelled)',
  },
  {
    name: 'ValidationError "Cannot edit cancelled document"',
    status: 417,
    body: frappeBody({ exception: `${E}.ValidationError: Cannot edit cancelled document`, excType: 'ValidationError' }),
    code: 'erpnext.validation.docstatus', category: 'conflict', retryable: false, message: 'Cannot edit cancelled document',
  },
  {
    name: 'UpdateAfterSubmitError',
    status: 417,
    body: frappeBody({
      excType: 'UpdateAfterSubmitError',
      messages: [throwMsg('Not allowed to change <strong>Delivery Date</strong> after submission from <strong>2025-01-02</strong> to <strong>2025-01-09</strong>', { title: 'Cannot Update After Submit' })],
    }),
    code: 'erpnext.validation.update_after_submit', category: 'conflict', retryable: false,
    message: 'Not allowed to change Delivery Date after submission from 2025-01-02 to 2025-01-09',
  },
  {
    name: 'LinkExistsError on cancel',
    status: 417,
    body: frappeBody({
      excType: 'LinkExistsError',
      messages: [throwMsg('Cannot delete or cancel because Sales Order <a href="/app/Form/Sales Order/SAL-ORD-2025-00001">SAL-ORD-2025-00001</a> is linked with Delivery Note <a href="/app/Form/Delivery Note/MAT-DN-2025-00001">MAT-DN-2025-00001</a> ')],
    }),
    code: 'erpnext.link_exists', category: 'conflict', retryable: false,
    message: 'Cannot delete or cancel because Sales Order SAL-ORD-2025-00001 is linked with Delivery Note MAT-DN-2025-00001',
  },
  {
    name: 'WarehouseRequired (raised inside ERPNext)',
    status: 417,
    body: frappeBody({ excType: 'WarehouseRequired', source: 'erpnext (app)', messages: [throwMsg('Delivery warehouse required for stock item SKU-1001')] }),
    code: 'erpnext.validation.warehouse_required', category: 'mapping', retryable: false, message: 'Delivery warehouse required for stock item SKU-1001',
  },
  {
    name: 'NegativeStockError',
    status: 417,
    body: frappeBody({
      excType: 'NegativeStockError',
      source: 'erpnext (app)',
      messages: [throwMsg('<strong>5.0</strong> units of <a href="/app/item/SKU-1010">Item SKU-1010</a> needed in <a href="/app/warehouse/Stores - SD">Warehouse Stores - SD</a> on 2025-03-01 10:00:00 for <a href="/app/delivery-note/MAT-DN-2025-00001">Delivery Note MAT-DN-2025-00001</a> to complete this transaction.', { title: 'Insufficient Stock' })],
    }),
    code: 'erpnext.validation.negative_stock', category: 'validation', retryable: false,
    message: '5.0 units of Item SKU-1010 needed in Warehouse Stores - SD on 2025-03-01 10:00:00 for Delivery Note MAT-DN-2025-00001 to complete this transaction.',
  },
  {
    name: 'Valuation rate missing (a plain ValidationError told apart by its text)',
    status: 417,
    body: frappeBody({
      excType: 'ValidationError',
      source: 'erpnext (app)',
      messages: [throwMsg('Valuation Rate for the Item <a href="/app/item/X">Item X</a>, is required to do accounting entries for Delivery Note MAT-DN-2025-00003.<br><br>Here are the options to proceed:<ul><li>Mention Valuation Rate in the Item master.</li></ul>', { title: 'Valuation Rate Missing' })],
    }),
    code: 'erpnext.validation.valuation_rate', category: 'validation', retryable: false,
    message: 'Valuation Rate for the Item Item X, is required to do accounting entries for Delivery Note MAT-DN-2025-00003.\n\nHere are the options to proceed:Mention Valuation Rate in the Item master.',
  },
  {
    name: 'EmptyStockReconciliationItemsError (nothing to change: the quantities already hold)',
    status: 417,
    body: frappeBody({ excType: 'EmptyStockReconciliationItemsError', source: 'erpnext (app)', messages: [throwMsg('None of the items have any change in quantity or value.')] }),
    code: 'erpnext.validation.no_stock_change', category: 'conflict', retryable: false, message: 'None of the items have any change in quantity or value.',
  },
  {
    name: "Stock Reconciliation's own missing-valuation wording",
    status: 417,
    body: frappeBody({ excType: 'ValidationError', source: 'erpnext (app)', messages: [throwMsg('Valuation Rate required for Item SKU-ZERO-VALUE at row 1')] }),
    code: 'erpnext.validation.valuation_rate', category: 'validation', retryable: false, message: 'Valuation Rate required for Item SKU-ZERO-VALUE at row 1',
  },
  {
    name: 'A buying row without a warehouse (plain ValidationError)',
    status: 417,
    body: frappeBody({ excType: 'ValidationError', source: 'erpnext (app)', messages: [throwMsg('Row #1: Warehouse is mandatory for stock Item SKU-1006')] }),
    code: 'erpnext.validation.warehouse_required', category: 'mapping', retryable: false, message: 'Row #1: Warehouse is mandatory for stock Item SKU-1006',
  },
  {
    name: 'A Material Receipt row without a target warehouse (plain ValidationError)',
    status: 417,
    body: frappeBody({ excType: 'ValidationError', source: 'erpnext (app)', messages: [throwMsg('Target warehouse is mandatory for row 1')] }),
    code: 'erpnext.validation.warehouse_required', category: 'mapping', retryable: false, message: 'Target warehouse is mandatory for row 1',
  },
  {
    name: 'DataError (bad list field)',
    status: 417,
    body: frappeBody({ excType: 'DataError', messages: [throwMsg('Field not permitted in query: nope')] }),
    code: 'erpnext.validation', category: 'validation', retryable: false, message: 'Field not permitted in query: nope',
  },
  {
    name: 'DoesNotExistError: a 404 has only exc_type and _server_messages',
    status: 404,
    body: frappeBody({ excType: 'DoesNotExistError', messages: [throwMsg('Customer Nobody not found')] }),
    code: 'erpnext.not_found', category: 'drift', retryable: false, message: 'Customer Nobody not found',
  },
  {
    name: 'DoesNotExistError for a line\'s Item on a write (observed): the SKU has no Item, a mapping failure',
    status: 404,
    body: frappeBody({ excType: 'DoesNotExistError', messages: [throwMsg('Item SKU-404 not found')] }),
    code: 'erpnext.item_not_found', category: 'mapping', retryable: false, message: 'Item SKU-404 not found',
  },
  {
    name: 'AuthenticationError: exception line, no message',
    status: 401,
    body: frappeBody({ exception: `${E}.AuthenticationError`, excType: 'AuthenticationError' }),
    code: 'erpnext.auth', category: 'auth', retryable: false, message: 'frappe.exceptions.AuthenticationError',
  },
  {
    name: 'PermissionError with _error_message',
    status: 403,
    body: frappeBody({ exception: `${E}.PermissionError`, excType: 'PermissionError', errorMessage: "You need the 'write' permission on <strong>Sales Order</strong> SAL-ORD-2024-00001 to perform this action." }),
    code: 'erpnext.permission', category: 'auth', retryable: false, message: "You need the 'write' permission on Sales Order SAL-ORD-2024-00001 to perform this action.",
  },
  {
    name: 'RateLimitExceededError (per-endpoint limiter)',
    status: 429,
    body: frappeBody({ excType: 'RateLimitExceededError', messages: [throwMsg('You hit the rate limit because of too many requests. Please try after sometime.')] }),
    code: 'erpnext.rate_limited', category: 'rate_limited', retryable: true, message: 'You hit the rate limit because of too many requests. Please try after sometime.',
  },
  {
    name: 'QueryDeadlockError (500, retry)',
    status: 500,
    body: frappeBody({ exception: `${E}.QueryDeadlockError: (1213, 'Deadlock found when trying to get lock; try restarting transaction')`, excType: 'QueryDeadlockError' }),
    code: 'erpnext.deadlock', category: 'transient', retryable: true, message: "(1213, 'Deadlock found when trying to get lock; try restarting transaction')",
  },
  {
    name: 'QueryTimeoutError (500, retry)',
    status: 500,
    body: frappeBody({ exception: `${E}.QueryTimeoutError: (1205, 'Lock wait timeout exceeded; try restarting transaction')`, excType: 'QueryTimeoutError' }),
    code: 'erpnext.query_timeout', category: 'transient', retryable: true, message: "(1205, 'Lock wait timeout exceeded; try restarting transaction')",
  },
  {
    name: 'SessionStopped (503 maintenance)',
    status: 503,
    body: frappeBody({ exception: `${E}.SessionStopped`, excType: 'SessionStopped' }),
    code: 'erpnext.unavailable', category: 'transient', retryable: true, message: 'frappe.exceptions.SessionStopped',
  },
  {
    name: 'InReadOnlyMode (503)',
    status: 503,
    body: frappeBody({ excType: 'InReadOnlyMode' }),
    code: 'erpnext.unavailable', category: 'transient', retryable: true, message: 'ERPNext answered HTTP 503 (InReadOnlyMode)',
  },
  {
    name: 'JSONDecodeError: a 500 that must not be retried',
    status: 500,
    body: frappeBody({ exception: 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)', excType: 'JSONDecodeError' }),
    code: 'erpnext.server_error', category: 'internal', retryable: false, message: 'Expecting value: line 1 column 1 (char 0)',
  },
  {
    name: 'AttributeError from app code (observed: Customer.autoname without customer_name), never retried',
    status: 500,
    body: frappeBody({ exception: "AttributeError: 'NoneType' object has no attribute 'strip'", excType: 'AttributeError', source: 'erpnext (app)' }),
    code: 'erpnext.server_error', category: 'internal', retryable: false, message: "'NoneType' object has no attribute 'strip'",
  },
  {
    name: 'An unhandled Python error (500, no _server_messages)',
    status: 500,
    body: frappeBody({ exception: 'ZeroDivisionError: division by zero', excType: 'ZeroDivisionError' }),
    code: 'erpnext.server_error', category: 'internal', retryable: false, message: 'division by zero',
  },
  {
    name: 'nginx 502 HTML page',
    status: 502,
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    code: 'erpnext.unavailable', category: 'transient', retryable: true, message: '502 Bad Gateway',
  },
  {
    name: 'gateway timeout 504 without a body',
    status: 504,
    body: '',
    code: 'erpnext.unavailable', category: 'transient', retryable: true, message: 'ERPNext answered HTTP 504',
  },
];
