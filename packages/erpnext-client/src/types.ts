/** A Frappe document as JSON: standard fields plus the doctype's own, child tables as arrays. */
export type Doc = Record<string, unknown> & {
  name?: string;
  doctype?: string;
  docstatus?: number;
  modified?: string;
};

/** `[field, op, value]`, or `[doctype, field, op, value]` to filter on a child-table field (notes §2). */
export type FilterCondition = readonly [string, string, unknown] | readonly [string, string, string, unknown];

/** List form, or dict form `{field: value}` / `{field: [op, value]}`; sent JSON-encoded. */
export type Filters = readonly FilterCondition[] | Readonly<Record<string, unknown>>;

export interface ListOptions {
  /** Default `["name"]` (Frappe's). `"*"` selects every parent column; `"items.item_code"` joins a child. */
  readonly fields?: readonly string[];
  readonly filters?: Filters;
  readonly orFilters?: Filters;
  /** Always sent: Frappe applies no ORDER BY otherwise, so paging would be unstable (notes §2). */
  readonly orderBy?: string;
  readonly limitStart?: number;
  /** Frappe's default is 20; 0 means every row. */
  readonly limitPageLength?: number;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface HttpEventBase {
  readonly method: HttpVerb;
  /** URL path without the query string: no filters, values or credentials. */
  readonly path: string;
  /** Absent when no response arrived. */
  readonly status?: number;
  readonly durationMs: number;
  readonly attempt: number;
}

/** The small fixed set of client log events (STYLE C14). */
export type ErpnextClientEvent =
  | (HttpEventBase & { readonly type: 'http.request'; readonly code?: string })
  | (HttpEventBase & { readonly type: 'http.retry'; readonly code: string; readonly delayMs: number })
  | (HttpEventBase & { readonly type: 'http.throttled'; readonly retryAfterMs?: number });

export interface ErpnextClientOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly timeoutMs?: number;
  /** Requests in flight at once; waiting retries do not hold a slot. */
  readonly concurrency?: number;
  /** Retries of a GET after a transient failure or 429; writes are never retried here. */
  readonly maxReadRetries?: number;
  readonly onEvent?: (event: ErpnextClientEvent) => void;
  /** Injected so tests never sleep (STYLE C13). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1) for read backoff (STYLE C3). */
  readonly random?: () => number;
  /** Monotonic milliseconds, for event durations. */
  readonly clock?: () => number;
}

export interface CallMethodOptions {
  /**
   * GET puts args in the query string, where Frappe hands every one to the method as a str (ERPNext
   * methods often do not convert them: get_payment_entry's party_amount gives a 500 TypeError);
   * POST (the default) sends a JSON body, so numbers stay numbers. GETs are retried on transient failures.
   */
  readonly verb?: 'GET' | 'POST';
  /**
   * The method only reads (ERPNext's mappers draft an unsaved document): a POST to it is retried on
   * transient failures like a GET, because repeating it cannot write twice.
   */
  readonly readOnly?: boolean;
}

export interface ConflictRetryOptions {
  /** Reads + writes tried in all before a TimestampMismatchError is given up on; default 3. */
  readonly maxAttempts?: number;
}

export interface ErpnextClient {
  getDoc<T extends Doc = Doc>(doctype: string, name: string): Promise<T>;
  listDocs<T extends Doc = Doc>(doctype: string, options?: ListOptions): Promise<T[]>;
  /** Pages with `limit_start` until a short page; `limitPageLength` is the page size (default 100). */
  listAll<T extends Doc = Doc>(doctype: string, options?: ListOptions): Promise<T[]>;
  findOne<T extends Doc = Doc>(doctype: string, filters: Filters, fields?: readonly string[]): Promise<T | undefined>;
  count(doctype: string, filters?: Filters): Promise<number>;
  insertDoc<T extends Doc = Doc>(doctype: string, doc: Doc): Promise<T>;
  /** Partial update of parent fields; a child table sent is replaced whole (notes §2). */
  updateDoc<T extends Doc = Doc>(doctype: string, name: string, changes: Doc): Promise<T>;
  submitDoc<T extends Doc = Doc>(doctype: string, name: string): Promise<T>;
  cancelDoc<T extends Doc = Doc>(doctype: string, name: string): Promise<T>;
  deleteDoc(doctype: string, name: string): Promise<void>;
  /**
   * `frappe.client.insert_many`, at most 200 documents per call. Each call is all-or-nothing; the
   * whole is not: a failing call k leaves calls 1..k-1 committed (details.insertMany says which).
   */
  insertMany(doctype: string, docs: readonly Doc[]): Promise<string[]>;
  /**
   * Read, `change(doc)`, PUT the changes with the `modified` read (compare-and-swap); on
   * TimestampMismatchError read again and re-apply. `change` returning undefined writes nothing.
   */
  updateWithRetryOnConflict<T extends Doc = Doc>(doctype: string, name: string, change: (doc: T) => Doc | undefined | Promise<Doc | undefined>, options?: ConflictRetryOptions): Promise<T>;
  /**
   * Read the document, let `edit` return the wanted rows of one child table, PUT the WHOLE table
   * with the `modified` read; re-read and re-apply on TimestampMismatchError. New rows carry no name.
   */
  updateChildTable<T extends Doc = Doc>(doctype: string, name: string, table: string, edit: (rows: Doc[], doc: T) => Doc[] | undefined | Promise<Doc[] | undefined>, options?: ConflictRetryOptions): Promise<T>;
  /** Returns `message`, or undefined when the method returned None. */
  callMethod<T = unknown>(method: string, args?: Readonly<Record<string, unknown>>, options?: CallMethodOptions): Promise<T>;
  ping(): Promise<string>;
}
