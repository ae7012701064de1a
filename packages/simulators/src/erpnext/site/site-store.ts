import type { Doc } from '../types';

type Undo = () => void;

/**
 * The site's tables in memory, with one transaction per request (notes §1): every change made
 * while handling a request is journaled and undone if the request fails, so a failed insert
 * leaves no document and consumes no naming-series number. Documents are copied in and out,
 * so nothing outside the store can change a stored row by accident.
 */
export class SiteStore {
  private readonly tables = new Map<string, Map<string, Doc>>();
  private readonly series = new Map<string, number>();
  private journal: Undo[] | undefined;

  begin(): void {
    this.journal = [];
  }

  commit(): void {
    this.journal = undefined;
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
    }
    return table;
  }

  get(doctype: string, name: string): Doc | undefined {
    const doc = this.tables.get(doctype)?.get(name);
    return doc === undefined ? undefined : structuredClone(doc);
  }

  has(doctype: string, name: string): boolean {
    return this.tables.get(doctype)?.has(name) ?? false;
  }

  /** Rows in insertion order (what a table scan without ORDER BY tends to return). */
  all(doctype: string): Doc[] {
    return [...(this.tables.get(doctype)?.values() ?? [])].map((doc) => structuredClone(doc));
  }

  /** Read-only view for hot paths (filters, uniqueness scans); callers must not mutate. */
  scan(doctype: string): Iterable<Doc> {
    return this.tables.get(doctype)?.values() ?? [];
  }

  put(doctype: string, doc: Doc): void {
    const table = this.table(doctype);
    const previous = table.get(doc.name);
    this.journal?.push(() => (previous === undefined ? table.delete(doc.name) : table.set(doc.name, previous)));
    table.set(doc.name, structuredClone(doc));
  }

  delete(doctype: string, name: string): void {
    const table = this.table(doctype);
    const previous = table.get(name);
    if (previous === undefined) return;
    this.journal?.push(() => table.set(name, previous));
    table.delete(name);
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
    this.series.clear();
    this.journal = undefined;
  }
}
