import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults';

/** A stored document: every column of its doctype plus child tables as arrays of rows. */
export type Doc = Record<string, unknown> & { name: string };

/** A DocField, as in doctype JSON (notes §10); only the keys the simulator acts on. */
export interface FieldDef {
  readonly fieldname: string;
  readonly label?: string;
  readonly fieldtype: string;
  readonly options?: string;
  readonly reqd?: 0 | 1;
  readonly unique?: 0 | 1;
  readonly default?: string;
  readonly allow_on_submit?: 0 | 1;
  readonly read_only?: 0 | 1;
  readonly no_copy?: 0 | 1;
  readonly length?: number;
  /** `link_field.source_field`: copied from the linked document during link validation (notes §9). */
  readonly fetch_from?: string;
  readonly fetch_if_empty?: 0 | 1;
}

export interface DoctypeMeta {
  readonly name: string;
  readonly fields: readonly FieldDef[];
  /** `naming_series:`, `field:item_code`, `hash`, `Prompt`, `format:...`, `autoincrement`, a `#` pattern. */
  readonly autoname?: string;
  readonly istable?: 0 | 1;
  readonly is_submittable?: 0 | 1;
  readonly title_field?: string;
}

export interface RequestRecord {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** 0 when the simulator gave no answer (timeout or dropped connection faults). */
  status: number;
}

export interface ErpnextSimulatorOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Wall clock for `creation`/`modified`, dates and series years; the simulator keeps it strictly increasing. */
  readonly now?: () => Date;
  readonly company?: string;
  /** The company's currency, default USD; the site's Currency precision follows it (SiteDefaults.currencyPrecision). */
  readonly currency?: string;
  /** v15 default (System Settings allow_error_traceback = 1): error bodies carry `exception` and `exc`. */
  readonly tracebacks?: boolean;
  /** Source of child-row names and `__frappe_exc_id`s; seeded and deterministic by default. */
  readonly randomHex?: (length: number) => string;
  /** Where `custom_fields.json` and `shopsync/doctype/*` live; defaults to the repo's `frappe_app/shopsync`. */
  readonly appDir?: string;
}

export interface RequestLog {
  readonly all: readonly RequestRecord[];
  readonly count: number;
  /** Requests matching method and/or a path test. */
  countWhere(filter: { method?: string; path?: RegExp | string }): number;
  clear(): void;
}

export interface ErpnextSimulator {
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  handle(req: IncomingMessage, res: ServerResponse): void;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  docs(doctype: string): readonly Doc[];
  countDocs(doctype: string, predicate?: (doc: Doc) => boolean): number;
  /** Stored rows read so far (copied, scanned or found by index): tests assert on work done, never on time. */
  rowsRead(): number;
  /** Back to the freshly seeded site; faults and the request log are cleared too. */
  reset(): void;
}
