import { SyncError } from '@shopsync/core';
import type { ErpnextPort } from '@shopsync/runner';

type Doc = Record<string, unknown>;

const lines = (row: Doc): string =>
  Array.isArray(row.items) ? ` ${(row.items as Doc[]).map((item) => `${String(item.item_code)}×${String(item.qty)}`).join(',')}` : '';

/**
 * An in-memory ErpnextPort for worker tests: it enforces the unique `shopsync_key` as ERPNext's index
 * does, and can commit a write and then lose the response, as a dropped connection does.
 */
export class FakeErpnext implements ErpnextPort {
  readonly docs = new Map<string, Doc[]>();
  readonly calls: string[] = [];
  /** The next N inserts commit and then fail with a network error. */
  loseNextInsertResponses = 0;
  /** Called after every committed write (insert, submit, cancel), with its ordinal; a test may crash here. */
  afterWrite: (writes: number) => void = () => undefined;
  private writes = 0;
  private counter = 0;

  private table(doctype: string): Doc[] {
    const rows = this.docs.get(doctype) ?? [];
    this.docs.set(doctype, rows);
    return rows;
  }

  async insertDoc(doctype: string, doc: Doc): Promise<Doc> {
    this.calls.push(`insert ${doctype}`);
    const rows = this.table(doctype);
    if (doc.shopsync_key !== undefined && rows.some((row) => row.shopsync_key === doc.shopsync_key)) {
      throw SyncError.permanent({ code: 'erpnext.unique_violation', category: 'validation', message: 'Shopsync Key must be unique', details: { label: 'Shopsync Key' } });
    }
    const stored = { ...doc, name: `${doctype}-${++this.counter}`, docstatus: 0 };
    rows.push(stored);
    this.afterWrite(++this.writes);
    if (this.loseNextInsertResponses > 0) {
      this.loseNextInsertResponses -= 1;
      throw SyncError.retryable({ code: 'erpnext.network', category: 'transient', message: 'socket hang up' });
    }
    return { ...stored };
  }

  async findOne(doctype: string, filters: Record<string, unknown>): Promise<Doc | null> {
    this.calls.push(`find ${doctype}`);
    const row = this.table(doctype).find((candidate) => Object.entries(filters).every(([field, value]) => candidate[field] === value));
    return row === undefined ? null : { ...row };
  }

  async updateDoc(doctype: string, name: string, changes: Doc): Promise<Doc> {
    this.calls.push(`update ${doctype}`);
    const row = this.table(doctype).find((candidate) => candidate.name === name);
    if (row === undefined) throw SyncError.permanent({ code: 'erpnext.not_found', category: 'validation', message: `${doctype} ${name} not found` });
    const { modified: _modified, ...rest } = changes;
    Object.assign(row, rest);
    this.afterWrite(++this.writes);
    return { ...row };
  }

  async submitDoc(doctype: string, name: string): Promise<Doc> {
    this.calls.push(`submit ${doctype}`);
    const row = this.table(doctype).find((candidate) => candidate.name === name);
    if (row === undefined) throw SyncError.permanent({ code: 'erpnext.not_found', category: 'validation', message: `${doctype} ${name} not found` });
    row.docstatus = 1;
    this.afterWrite(++this.writes);
    return { ...row };
  }

  async getDoc(doctype: string, name: string): Promise<Doc> {
    this.calls.push(`get ${doctype}`);
    const row = this.table(doctype).find((candidate) => candidate.name === name);
    if (row === undefined) throw SyncError.permanent({ code: 'erpnext.not_found', category: 'validation', message: `${doctype} ${name} not found` });
    return { ...row };
  }

  async cancelDoc(doctype: string, name: string): Promise<Doc> {
    this.calls.push(`cancel ${doctype}`);
    const row = this.table(doctype).find((candidate) => candidate.name === name);
    if (row === undefined) throw SyncError.permanent({ code: 'erpnext.not_found', category: 'validation', message: `${doctype} ${name} not found` });
    const blocker = [...this.docs.values()].flat().find((other) => other.docstatus === 1 && Object.values(other).includes(name) && other !== row);
    if (blocker !== undefined) {
      throw SyncError.permanent({ code: 'erpnext.link_exists', category: 'conflict', message: `Cannot delete or cancel because ${doctype} ${name} is linked with ${String(blocker.name)}` });
    }
    row.docstatus = 2;
    this.afterWrite(++this.writes);
    return { ...row };
  }

  /** The mapper methods draft a document that points at its source, as ERPNext's do. */
  async callMethod(method: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push(`method ${method.split('.').pop()}`);
    if (method.endsWith('make_sales_invoice')) return { doctype: 'Sales Invoice', sales_order: args.source_name, docstatus: 0, __islocal: 1 };
    if (method.endsWith('get_payment_entry')) return { doctype: 'Payment Entry', reference_name: args.dn, docstatus: 0, __islocal: 1 };
    // A site whose companion app has no such method answers as Frappe 15 does (handler.py execute_cmd):
    // a 417 "Failed to get method for command …"; the runner then writes over REST, which this fake keeps.
    throw SyncError.permanent({ code: 'erpnext.validation', category: 'validation', message: `Failed to get method for command ${method} with No module named '${method.split('.').slice(0, -1).join('.')}'` });
  }

  /**
   * The observable end state: per key, the document that holds it now — the newest amendment
   * (`key~n`) when a document was replaced — with its docstatus and its lines; names are left out.
   * Cancelled documents that an amendment replaced are history: whether an edit arrived before or
   * after the order it edits decides whether there is any, not what ERPNext holds. A cancelled
   * document shows no lines: it books nothing, and whether an unpaid order was amended to an edit
   * before its cancel depends on whether the edit arrived before the cancel.
   */
  summary(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [doctype, rows] of this.docs) {
      const newest = new Map<string, { n: number; row: Doc }>();
      for (const row of rows) {
        const [key = '', n = '0'] = String(row.shopsync_key).split('~');
        if ((newest.get(key)?.n ?? -1) < Number(n)) newest.set(key, { n: Number(n), row });
      }
      result[doctype] = [...newest].map(([key, { row }]) => `${key}#${String(row.docstatus)}${row.docstatus === 2 ? '' : lines(row)}`).sort();
    }
    return result;
  }

  count(doctype: string): number {
    return this.table(doctype).length;
  }
}
