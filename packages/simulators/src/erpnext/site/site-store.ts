import type { Doc } from '../types';
import { collate, FieldIndexes } from './field-index';

export { collate };

type Undo = () => void;

/**
 * The site's tables in memory, with one transaction per request (notes §1): every change made
 * while handling a request is journaled and undone if the request fails, so a failed insert
 * leaves no document and consumes no naming-series number. Documents are copied in and out,
 * so nothing outside the store can change a stored row by accident.
 */
export class SiteStore {
  private readonly tables = new Map<string, Map<string, Doc>>();
  /** Collated name → stored name, per doctype: MariaDB finds "sku-1001" as "SKU-1001". */
  private readonly names = new Map<string, Map<string, string>>();
  private readonly series = new Map<string, number>();
  private readonly indexes = new FieldIndexes();
  private read = 0;
  private journal: Undo[] | undefined;

  begin(): void {
    this.journal = [];
  }

  commit(): void {
    this.journal = undefined;
  }

  /**
   * What MariaDB does on DDL (Frappe's `sql_ddl`, e.g. `updatedb` after a Custom Field is saved):
   * everything written so far in this request is committed; later writes are a new transaction.
   */
  commitImplicitly(): void {
    if (this.journal) this.journal = [];
  }

  /** Registers an undo for state kept outside the tables (doctype metas), run on rollback. */
  remember(undo: Undo): void {
    this.journal?.push(undo);
  }

  rollback(): void {
    const undo = this.journal ?? [];
    this.journal = undefined;
    for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]?.();
  }

  private table(doctype: string): Map<string, Doc> {
    let table = this.tables.get(doctype);
    if (!table) {
      table = new Map();
      this.tables.set(doctype, table);
      this.names.set(doctype, new Map());
    }
    return table;
  }

  private write(doctype: string, name: string, doc: Doc | undefined): void {
    const table = this.table(doctype);
    const index = this.names.get(doctype);
    this.indexes.update(doctype, name, table.get(name), doc);
    if (doc === undefined) {
      table.delete(name);
      index?.delete(collate(name));
    } else {
      table.set(name, doc);
      index?.set(collate(name), name);
    }
  }

  /**
   * Rows handed out so far (copied by get/all, visited by scan/where): lets a test assert how much
   * work a request does as the tables grow, without timing anything.
   */
  get rowsRead(): number {
    return this.read;
  }

  get(doctype: string, name: string): Doc | undefined {
    const doc = this.tables.get(doctype)?.get(name);
    if (doc === undefined) return undefined;
    this.read += 1;
    return structuredClone(doc);
  }

  /** The stored spelling of a name under the database collation, if such a row exists. */
  resolveName(doctype: string, name: string): string | undefined {
    if (this.tables.get(doctype)?.has(name)) return name;
    return this.names.get(doctype)?.get(collate(name));
  }

  has(doctype: string, name: string): boolean {
    return this.resolveName(doctype, name) !== undefined;
  }

  /** Rows in insertion order (what a table scan without ORDER BY tends to return). */
  all(doctype: string): Doc[] {
    const docs = [...(this.tables.get(doctype)?.values() ?? [])];
    this.read += docs.length;
    return docs.map((doc) => structuredClone(doc));
  }

  /** Read-only view for hot paths (filters, uniqueness scans); callers must not mutate. */
  *scan(doctype: string): Iterable<Doc> {
    for (const doc of this.tables.get(doctype)?.values() ?? []) {
      this.read += 1;
      yield doc;
    }
  }

  /**
   * Read-only rows whose `field` equals `value` under the database collation (NULL matches nothing),
   * found through an index as MariaDB finds them through a unique key: a lookup, not a table scan.
   */
  where(doctype: string, field: string, value: unknown): Doc[] {
    const key = collate(value);
    const rows: Doc[] = [];
    for (const name of this.indexes.names(doctype, field, value, () => this.scan(doctype))) {
      const doc = this.tables.get(doctype)?.get(name);
      if (doc === undefined || doc[field] === null || doc[field] === undefined || collate(doc[field]) !== key) continue;
      this.read += 1;
      rows.push(doc);
    }
    return rows;
  }

  put(doctype: string, doc: Doc): void {
    const previous = this.tables.get(doctype)?.get(doc.name);
    this.journal?.push(() => this.write(doctype, doc.name, previous));
    this.write(doctype, doc.name, structuredClone(doc));
  }

  delete(doctype: string, name: string): void {
    const previous = this.tables.get(doctype)?.get(name);
    if (previous === undefined) return;
    this.journal?.push(() => this.write(doctype, name, previous));
    this.write(doctype, name, undefined);
  }

  /** `tabSeries`: next number for a resolved prefix such as "SAL-ORD-2025-". */
  nextInSeries(prefix: string): number {
    const current = this.series.get(prefix) ?? 0;
    this.journal?.push(() => (current === 0 ? this.series.delete(prefix) : this.series.set(prefix, current)));
    this.series.set(prefix, current + 1);
    return current + 1;
  }

  clear(): void {
    this.tables.clear();
    this.names.clear();
    this.series.clear();
    this.indexes.clear();
    this.journal = undefined;
  }
}
