import { isTable, VARCHAR_TYPES } from '../meta/field-types';
import type { Meta } from '../meta/meta';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { frappeBold } from '../wire/message-log';
import { childRows } from './new-doc';

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0) || String(value).replace(/<[^>]*>/g, '').trim() === '';

/**
 * `_validate_mandatory`: one plain msgprint per missing field (no indicator, no raise flag), then
 * one MandatoryError whose text lists the fieldnames: "[Sales Order, SAL-ORD-2025-00001]: customer".
 */
export function validateMandatory(ctx: Ctx, meta: Meta, doc: Doc): void {
  const missing: Array<{ fieldname: string; message: string }> = [];
  for (const df of meta.fields) {
    if (df.reqd !== 1 || !isEmpty(doc[df.fieldname])) continue;
    const message = isTable(df) ? `Error: Data missing in table: ${df.label}` : `Error: Value missing for ${meta.name}: ${df.label}`;
    missing.push({ fieldname: df.fieldname, message });
  }
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    for (const row of childRows(doc, table.fieldname)) {
      for (const df of childMeta.fields) {
        if (df.reqd !== 1 || !isEmpty(row[df.fieldname])) continue;
        missing.push({ fieldname: df.fieldname, message: `Error: ${frappeBold(childMeta.name)} Row #${String(row.idx)}: Value missing for: ${df.label}` });
      }
    }
  }
  if (missing.length === 0) return;
  for (const m of missing) ctx.log.msgprint(m.message);
  throw new FrappeError({ excType: 'MandatoryError', excArg: `[${meta.name}, ${doc.name}]: ${missing.map((m) => m.fieldname).join(', ')}` });
}

function commaOr(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** `_validate_selects` and `_validate_length` for one row (parent or child). */
function validateRow(ctx: Ctx, meta: Meta, row: Doc, prefix: string, docName: string): void {
  for (const df of meta.columns) {
    const value = row[df.fieldname];
    if (value === null || value === undefined || value === '') continue;
    if (df.fieldtype === 'Select' && df.options && df.fieldname !== 'naming_series') {
      const options = df.options.split('\n').filter((o) => o !== '');
      if (!options.includes(String(value))) ctx.log.throw(`${prefix}${df.label} cannot be "${String(value)}". It should be one of ${commaOr(options)}`);
    }
    const max = df.length ?? 140;
    if (VARCHAR_TYPES.has(df.fieldtype) && String(value).length > max) {
      ctx.log.throw(
        `${meta.name} ${docName}: '${frappeBold(df.label ?? df.fieldname)}' (${String(value)}) will get truncated, as max characters allowed is ${max}`,
        'CharacterLengthExceededError',
        { title: 'Value too big' },
      );
    }
  }
}

export function validateSelectsAndLengths(ctx: Ctx, meta: Meta, doc: Doc): void {
  validateRow(ctx, meta, doc, '', doc.name);
  for (const table of meta.tables) {
    const childMeta = requireMeta(ctx, table.options ?? '');
    for (const row of childRows(doc, table.fieldname)) validateRow(ctx, childMeta, row, `Row #${String(row.idx)}: `, doc.name);
  }
}
