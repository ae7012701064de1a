import { FLOAT_TYPES } from '../meta/field-types';
import type { Meta } from '../meta/meta';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { PyFloat } from '../wire/python-json';
import { childRows } from './new-doc';

/** Wraps Currency/Float/Percent values so they are written as Python floats (`100.0`). */
export function pyValue(meta: Meta, fieldname: string, value: unknown): unknown {
  const df = meta.field(fieldname);
  return df && FLOAT_TYPES.has(df.fieldtype) && typeof value === 'number' ? new PyFloat(value) : value;
}

function rowDict(meta: Meta, row: Doc, noNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of meta.validKeys) {
    const value = row[key];
    if (noNulls && (value === null || value === undefined)) continue;
    out[key] = pyValue(meta, key, value ?? null);
  }
  out.doctype = meta.name;
  return out;
}

/**
 * `doc.as_dict(no_nulls=...)`: standard fields, the doctype's columns, `doctype`, then each child
 * table. REST single-document reads drop nulls; `frappe.client.get` keeps them (notes §2).
 */
export function asDict(ctx: Ctx, meta: Meta, doc: Doc, noNulls = true): Record<string, unknown> {
  const out = rowDict(meta, doc, noNulls);
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    out[table.fieldname] = childRows(doc, table.fieldname).map((row) => rowDict(childMeta, row, noNulls));
  }
  // Mapper results and other unsaved docs carry these markers (notes §9).
  for (const marker of ['__islocal', '__unsaved']) if (doc[marker] !== undefined) out[marker] = doc[marker];
  return out;
}
