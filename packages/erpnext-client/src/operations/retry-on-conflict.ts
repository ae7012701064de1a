import { SyncError, isSyncError } from '@shopsync/core';
import type { ConflictRetryOptions, Doc } from '../types';

export type Awaitable<T> = T | Promise<T>;

export interface DocAccess {
  getDoc<T extends Doc>(doctype: string, name: string): Promise<T>;
  updateDoc<T extends Doc>(doctype: string, name: string, changes: Doc): Promise<T>;
}

export const DEFAULT_CONFLICT_ATTEMPTS = 3;

function attemptsFrom(options: ConflictRetryOptions): number {
  const n = options.maxAttempts ?? DEFAULT_CONFLICT_ATTEMPTS;
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`maxAttempts must be an integer >= 1, got ${n}`);
  return n;
}

/**
 * Read, compute the change from what was read, and PUT it with the `modified` that was read, so
 * Frappe's `check_if_latest` makes the write a compare-and-swap (notes §2). When somebody saved in
 * between, ERPNext answers TimestampMismatchError: the document is read again and `change` runs
 * again on the fresh copy, up to `maxAttempts` times; then the last mismatch is thrown.
 *
 * `change` must therefore be a function of the document it is given (no state carried across
 * calls) and return `undefined` when nothing needs writing, which ends the loop without a PUT.
 */
export async function updateWithRetryOnConflict<T extends Doc>(
  api: DocAccess,
  doctype: string,
  name: string,
  change: (doc: T) => Awaitable<Doc | undefined>,
  options: ConflictRetryOptions = {},
): Promise<T> {
  const attempts = attemptsFrom(options);
  for (let attempt = 1; ; attempt += 1) {
    const doc = await api.getDoc<T>(doctype, name);
    const changes = await change(structuredClone(doc));
    if (changes === undefined) return doc;
    try {
      return await api.updateDoc<T>(doctype, name, { ...changes, modified: doc.modified });
    } catch (error) {
      if (!isSyncError(error) || error.code !== 'erpnext.timestamp_mismatch' || attempt >= attempts) throw error;
    }
  }
}

/** A row the caller kept (it has a name the table had) or added (no name). */
function rowsToSend(table: string, read: readonly Doc[], edited: readonly Doc[]): Doc[] {
  const byName = new Map(read.map((row) => [String(row.name), row]));
  return edited.map((row, index) => {
    if (row.name === undefined || row.name === null || row.name === '') {
      const { name: _unnamed, ...fresh } = row;
      return { ...fresh, idx: index + 1 };
    }
    const original = byName.get(String(row.name));
    if (!original) {
      // Frappe would run an UPDATE that matches nothing and drop the row without a word (notes §2).
      throw SyncError.of('erpnext.internal', {
        message: `Row "${String(row.name)}" is not in ${table} as read; a new row must have no name`,
        details: { messages: [], table, row: row.name },
      });
    }
    // Frappe rebuilds a named row only from the dict sent (omitted columns become NULL), so the
    // row as read is the base; set a field to null to clear it.
    return { ...original, ...row, idx: index + 1 };
  });
}

/**
 * Edits one child table. PUT replaces a child table whole: rows left out are deleted, rows without
 * a name are inserted, and a named row keeps only the columns sent (notes §2). So the table is
 * read, `edit` gets a copy of its rows (and of the document) and returns the rows wanted, and the
 * WHOLE table goes back in one PUT carrying the `modified` that was read. A concurrent save makes
 * that PUT fail with TimestampMismatchError; then the document is read again and `edit` re-applied
 * (see updateWithRetryOnConflict). Returning `undefined` from `edit` writes nothing.
 */
export function updateChildTable<T extends Doc>(
  api: DocAccess,
  doctype: string,
  name: string,
  table: string,
  edit: (rows: Doc[], doc: T) => Awaitable<Doc[] | undefined>,
  options: ConflictRetryOptions = {},
): Promise<T> {
  return updateWithRetryOnConflict<T>(
    api,
    doctype,
    name,
    async (doc) => {
      const read = Array.isArray(doc[table]) ? (doc[table] as Doc[]) : [];
      const edited = await edit(structuredClone(read), doc);
      return edited === undefined ? undefined : { [table]: rowsToSend(table, read, edited) };
    },
    options,
  );
}
