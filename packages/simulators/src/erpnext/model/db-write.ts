import type { Meta } from '../meta/meta';
import { collate, findDoc, requireMeta, type Ctx } from '../site/site';
import type { Doc, FieldDef } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { childRows } from './new-doc';

// Text-like columns get no unique index in MariaDB, so `unique` on them is not enforced (notes §8).
const UNINDEXED = new Set(['Small Text', 'Text', 'Long Text', 'Code', 'Text Editor', 'HTML Editor', 'Markdown Editor', 'JSON']);

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function pyRepr(value: string): string {
  if (value.includes("'") && !value.includes('"')) return `"${value}"`;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function integrityArg(doctype: string, name: string, value: string, key: string): string {
  const detail = `Duplicate entry ${pyRepr(value)} for key '${key}'`;
  return `(${pyRepr(doctype)}, ${pyRepr(name)}, IntegrityError(1062, ${JSON.stringify(detail)}))`;
}

function uniqueFields(meta: Meta): FieldDef[] {
  return meta.columns.filter((df) => df.unique === 1 && !UNINDEXED.has(df.fieldtype));
}

/** Rows of `doctype` stored anywhere: top-level docs, or child rows inside every parent. */
function* storedRows(ctx: Ctx, meta: Meta): Iterable<Doc> {
  if (!meta.isTable) {
    yield* ctx.site.store.scan(meta.name);
    return;
  }
  for (const parent of ctx.site.registry.names()) {
    const parentMeta = ctx.site.registry.get(parent);
    const tables = parentMeta?.tables.filter((t) => t.options === meta.name) ?? [];
    if (tables.length === 0) continue;
    for (const doc of ctx.site.store.scan(parent)) for (const t of tables) yield* childRows(doc, t.fieldname);
  }
}

/**
 * The unique indexes: a clash on any other unique column is a 417 UniqueValidationError with a
 * plain "{label} must be unique" msgprint. "" is stored as NULL, and NULLs never collide (notes §8).
 */
function checkUnique(ctx: Ctx, meta: Meta, row: Doc, ownerName: string): void {
  for (const df of uniqueFields(meta)) {
    if (row[df.fieldname] === '') row[df.fieldname] = null;
    const value = row[df.fieldname];
    if (value === null || value === undefined) continue;
    const key = collate(value);
    // A top-level doctype's rows come from the store's index on the column, as MariaDB's unique key finds them.
    const candidates = meta.isTable ? storedRows(ctx, meta) : ctx.site.store.where(meta.name, df.fieldname, value);
    for (const other of candidates) {
      const sameRow = meta.isTable ? other.name === row.name : other.name === ownerName;
      if (sameRow || collate(other[df.fieldname]) !== key || other[df.fieldname] === null) continue;
      ctx.log.msgprint(`${df.label} must be unique`);
      throw new FrappeError({ excType: 'UniqueValidationError', excArg: integrityArg(meta.name, ownerName, String(value), df.fieldname) });
    }
  }
}

function checkAllUnique(ctx: Ctx, meta: Meta, doc: Doc): void {
  checkUnique(ctx, meta, doc, doc.name);
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    for (const row of childRows(doc, table.fieldname)) checkUnique(ctx, childMeta, row, doc.name);
  }
}

/** `db_insert`: primary key first (409 DuplicateEntryError), then the unique indexes. */
export function dbInsert(ctx: Ctx, meta: Meta, doc: Doc): void {
  if (findDoc(ctx, meta.name, doc.name)) {
    ctx.log.msgprint(`${meta.name} <strong>${doc.name}</strong> already exists`, { title: 'Duplicate Name', indicator: 'red' });
    throw new FrappeError({ excType: 'DuplicateEntryError', excArg: integrityArg(meta.name, doc.name, doc.name, 'PRIMARY') });
  }
  checkAllUnique(ctx, meta, doc);
  ctx.site.store.put(meta.name, doc);
}

/** `db_update` + `update_children`: the same unique indexes, ignoring the document itself. */
export function dbUpdate(ctx: Ctx, meta: Meta, doc: Doc): void {
  checkAllUnique(ctx, meta, doc);
  ctx.site.store.put(meta.name, doc);
}
