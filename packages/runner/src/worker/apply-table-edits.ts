import { SyncError, type TableEdit } from '@shopsync/core';
import { resolveDocRefs } from './resolve-doc-refs';

/**
 * Cuts a mapped draft down to the rows the plan names (matched on the Shopify line id the mappers
 * copied) and changes them; a named row missing from the draft means ERPNext no longer offers it
 * (already returned, say), which must stop the write rather than post a smaller document.
 */
export function applyTableEdits(doc: Record<string, unknown>, edits: readonly TableEdit[], names: ReadonlyMap<string, string>, doctype: string): void {
  for (const edit of edits) {
    const rows = Array.isArray(doc[edit.table]) ? (doc[edit.table] as Array<Record<string, unknown>>) : [];
    const kept: Array<Record<string, unknown>> = [];
    for (const wanted of edit.rows) {
      const row = rows.find((candidate) => String(candidate[edit.matchField]) === wanted.match);
      if (row === undefined) {
        throw SyncError.of('conflict.row_not_offered', {
          message: `ERPNext's draft ${doctype} has no ${edit.table} row with ${edit.matchField} ${wanted.match}`,
          details: { doctype, table: edit.table, match: wanted.match },
        });
      }
      kept.push({ ...row, ...resolveDocRefs(wanted.set, names) });
    }
    const unmatched = rows.filter((row) => !edit.rows.some((wanted) => String(row[edit.matchField]) === wanted.match));
    doc[edit.table] = edit.dropUnmatched ? kept : [...kept, ...unmatched];
  }
}
