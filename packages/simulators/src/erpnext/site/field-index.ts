import type { Doc } from '../types';

/** utf8mb4_unicode_ci as far as a sync cares: case-insensitive, trailing spaces ignored. */
export function collate(value: unknown): string {
  return String(value ?? '').toLowerCase().replace(/ +$/, '');
}

type Postings = Map<string, Set<string>>;

/**
 * What MariaDB keeps for a unique (or any indexed) column: collated value → the names of the rows
 * holding it, so finding "the Sync Log with this event_id" costs one lookup instead of a scan of the
 * table. An index is built on first use of a (doctype, field) pair and kept current by the store on
 * every write, undo included. NULL is not indexed (MariaDB's unique indexes let NULLs repeat).
 */
export class FieldIndexes {
  private readonly byDoctype = new Map<string, Map<string, Postings>>();

  /** Names of rows whose `field` collates to `value`'s collation; builds the index from `rows` once. */
  names(doctype: string, field: string, value: unknown, rows: () => Iterable<Doc>): ReadonlySet<string> {
    let fields = this.byDoctype.get(doctype);
    if (!fields) {
      fields = new Map();
      this.byDoctype.set(doctype, fields);
    }
    let postings = fields.get(field);
    if (!postings) {
      postings = new Map();
      for (const doc of rows()) add(postings, doc[field], doc.name);
      fields.set(field, postings);
    }
    return postings.get(collate(value)) ?? EMPTY;
  }

  /** Called by the store before a row is replaced or removed (`next` undefined) or added (`previous` undefined). */
  update(doctype: string, name: string, previous: Doc | undefined, next: Doc | undefined): void {
    const fields = this.byDoctype.get(doctype);
    if (!fields) return;
    for (const [field, postings] of fields) {
      if (previous !== undefined && next !== undefined && previous[field] === next[field]) continue;
      if (previous !== undefined) remove(postings, previous[field], name);
      if (next !== undefined) add(postings, next[field], name);
    }
  }

  clear(): void {
    this.byDoctype.clear();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function add(postings: Postings, value: unknown, name: string): void {
  if (value === null || value === undefined) return;
  const key = collate(value);
  let names = postings.get(key);
  if (!names) {
    names = new Set();
    postings.set(key, names);
  }
  names.add(name);
}

function remove(postings: Postings, value: unknown, name: string): void {
  if (value === null || value === undefined) return;
  const key = collate(value);
  const names = postings.get(key);
  names?.delete(name);
  if (names?.size === 0) postings.delete(key);
}
