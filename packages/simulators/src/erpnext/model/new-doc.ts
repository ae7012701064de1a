import { coerce, FLOAT_TYPES, INT_TYPES } from '../meta/field-types';
import type { Meta } from '../meta/meta';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc, FieldDef } from '../types';

type Raw = Record<string, unknown>;

/** Link fields Frappe fills from Global Defaults by fieldname (`set_user_and_static_default_values`). */
function userDefault(ctx: Ctx, df: FieldDef): string | undefined {
  if (df.fieldtype !== 'Link') return undefined;
  const d = ctx.site.defaults;
  const byFieldname: Record<string, string> = { company: d.company, currency: d.currency, country: d.country };
  return df.options && ['Company', 'Currency', 'Country'].includes(df.options) ? byFieldname[df.fieldname] : undefined;
}

/** `frappe.new_doc` defaults: user defaults, the field's `default`, a Select's first option. */
export function defaultFor(ctx: Ctx, df: FieldDef): unknown {
  const fromUser = userDefault(ctx, df);
  if (fromUser !== undefined) return fromUser;
  if (df.default !== undefined && df.default !== '') {
    if (df.default === 'Today') return ctx.site.clock.today();
    if (df.default === 'Now') return ctx.site.clock.stamp().slice(11);
    if (df.default === '__user') return ctx.user;
    return FLOAT_TYPES.has(df.fieldtype) || INT_TYPES.has(df.fieldtype) ? Number(df.default) : df.default;
  }
  if (df.fieldtype === 'Select' && df.options && !df.options.startsWith('\n')) return df.options.split('\n')[0];
  // Numbers without a default stay None until the DB write, so controllers can tell "omitted"
  // (fetch the price) from 0 (keep it); finaliseColumns turns the rest into 0.
  return null;
}

/**
 * Copies the doctype's columns out of a request dict; unknown keys are dropped, as the DB would.
 * The title field takes no static default (`set_user_and_static_default_values` skips it): its
 * default is a template such as "{customer_name}" that `set_title_field` formats on save.
 */
function columnsFrom(ctx: Ctx, meta: Meta, raw: Raw, withDefaults: boolean): Raw {
  const out: Raw = {};
  for (const df of meta.columns) {
    const value = raw[df.fieldname];
    const fallback = withDefaults && df.fieldname !== meta.def.title_field ? defaultFor(ctx, df) : null;
    out[df.fieldname] = value === undefined || value === null ? fallback : value;
  }
  return out;
}

/**
 * Child rows from a request list. On insert they get defaults (`_set_defaults`); on save a row is
 * rebuilt only from the dict sent, so omitted columns become NULL/0 (notes §2, no merge).
 */
export function buildChildRows(ctx: Ctx, parent: Meta, tableField: FieldDef, rows: unknown, withDefaults: boolean): Doc[] {
  if (!Array.isArray(rows)) return [];
  const childMeta = requireMeta(ctx, tableField.options ?? '');
  return rows
    .filter((row): row is Raw => typeof row === 'object' && row !== null)
    .map((row, index) => ({
      name: typeof row.name === 'string' ? row.name : '',
      idx: index + 1,
      parent: null,
      parentfield: tableField.fieldname,
      parenttype: parent.name,
      docstatus: 0,
      ...columnsFrom(ctx, childMeta, row, withDefaults),
      doctype: childMeta.name,
    }));
}

/** `frappe.new_doc(doctype, **data)`: the request dict laid over the doctype's defaults. */
export function buildNewDoc(ctx: Ctx, meta: Meta, raw: Raw): Doc {
  const doc: Doc = {
    name: '',
    owner: ctx.user,
    creation: null,
    modified: null,
    modified_by: ctx.user,
    docstatus: Number(raw.docstatus ?? 0) || 0,
    idx: 0,
    ...columnsFrom(ctx, meta, raw, true),
    doctype: meta.name,
  };
  // Prompt naming reads the name the caller chose; every other rule discards it (notes §2).
  if (meta.autoname.toLowerCase() === 'prompt') doc.__newname = raw.__newname ?? raw.name;
  for (const table of meta.tables) doc[table.fieldname] = buildChildRows(ctx, meta, table, raw[table.fieldname], true);
  return doc;
}

/** `get_valid_dict` on the way to the DB: numbers and checks are never null, Data is text. */
export function finaliseColumns(ctx: Ctx, meta: Meta, doc: Doc): void {
  for (const df of meta.columns) doc[df.fieldname] = coerce(df, doc[df.fieldname]);
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    for (const row of (doc[table.fieldname] as Doc[] | undefined) ?? []) {
      for (const df of childMeta.columns) row[df.fieldname] = coerce(df, row[df.fieldname]);
    }
  }
}

export function childRows(doc: Doc, fieldname: string): Doc[] {
  const rows = doc[fieldname];
  return Array.isArray(rows) ? (rows as Doc[]) : [];
}
