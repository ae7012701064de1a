import { FLOAT_TYPES, INT_TYPES } from '../meta/field-types';
import { collate, type Ctx } from '../site/site';
import type { FieldDef } from '../types';
import { dateRange } from './date-ranges';
import type { Condition } from './parse-filters';

type Kind = 'number' | 'date' | 'datetime' | 'text';

const NUMERIC_STANDARD = new Set(['docstatus', 'idx']);
const DATETIME_STANDARD = new Set(['creation', 'modified']);

function kindOf(fieldname: string, df: FieldDef | undefined): Kind {
  if (NUMERIC_STANDARD.has(fieldname) || (df && (FLOAT_TYPES.has(df.fieldtype) || INT_TYPES.has(df.fieldtype)))) return 'number';
  if (DATETIME_STANDARD.has(fieldname) || df?.fieldtype === 'Datetime') return 'datetime';
  if (df?.fieldtype === 'Date') return 'date';
  return 'text';
}

/**
 * A DATETIME(6) column compared with a string: MariaDB converts the string to a datetime, so
 * "2026-12-05 00:00:00" (str(datetime) drops a zero fraction), "2026-12-05 00:00:00.000000" and
 * "2026-12-05" are the same instant. Canonical text with six fraction digits sorts the same way.
 */
function canonicalDatetime(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(text.trim());
  if (!match) return text;
  const [, date, h = '0', m = '00', sec = '00', fraction = ''] = match;
  return `${date} ${h.padStart(2, '0')}:${m}:${sec}.${fraction.slice(0, 6).padEnd(6, '0')}`;
}

/** `ifnull(col, fallback)`: Frappe wraps nullable columns, so `= ""` also matches NULL (notes §2). */
function normalise(kind: Kind, value: unknown): number | string {
  if (kind === 'number') return Number(value ?? 0) || 0;
  if (kind === 'datetime') return value === null || value === undefined || value === '' ? '0001-01-01 00:00:00.000000' : canonicalDatetime(String(value));
  if (kind === 'date') return value === null || value === undefined || value === '' ? '0001-01-01 00:00:00.000000' : String(value);
  return collate(value);
}

function compare(kind: Kind, a: unknown, b: unknown): number {
  const x = normalise(kind, a);
  const y = normalise(kind, b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return String(value ?? '').split(',').map((v) => v.trim());
}

function likeRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

/** Nodes under `root` in a tree doctype (parent_<doctype> links), for "descendants of". */
function descendants(ctx: Ctx, treeDoctype: string, root: string, inclusive: boolean): Set<string> {
  const parentField = `parent_${treeDoctype.toLowerCase().replace(/ /g, '_')}`;
  const all = [...ctx.site.store.scan(treeDoctype)];
  const found = new Set<string>(inclusive ? [collate(root)] : []);
  let frontier = [collate(root)];
  while (frontier.length > 0) {
    const next = all.filter((d) => frontier.includes(collate(d[parentField]))).map((d) => collate(d.name));
    frontier = next.filter((n) => !found.has(n));
    for (const n of frontier) found.add(n);
  }
  return found;
}

function ancestors(ctx: Ctx, treeDoctype: string, node: string): Set<string> {
  const parentField = `parent_${treeDoctype.toLowerCase().replace(/ /g, '_')}`;
  const found = new Set<string>();
  let current = ctx.site.store.get(treeDoctype, node);
  while (current && current[parentField] && !found.has(collate(current[parentField]))) {
    found.add(collate(current[parentField]));
    current = ctx.site.store.get(treeDoctype, String(current[parentField]));
  }
  return found;
}

/** Evaluates one condition against a row's value, with MariaDB's comparison rules for its type. */
export function matchesCondition(ctx: Ctx, cond: Condition, value: unknown, df: FieldDef | undefined): boolean {
  const kind = kindOf(cond.fieldname, df);
  const v = cond.value;
  switch (cond.operator) {
    case '=': return compare(kind, value, v) === 0;
    case '!=': return compare(kind, value, v) !== 0;
    case '>': return compare(kind, value, v) > 0;
    case '<': return compare(kind, value, v) < 0;
    case '>=': return compare(kind, value, v) >= 0;
    case '<=': return compare(kind, value, v) <= 0;
    case 'like': return likeRegex(String(v ?? '')).test(String(value ?? ''));
    case 'not like': return !likeRegex(String(v ?? '')).test(String(value ?? ''));
    case 'in': return listOf(v).some((item) => compare(kind, value, item) === 0);
    case 'not in': return !listOf(v).some((item) => compare(kind, value, item) === 0);
    case 'is': return String(v).toLowerCase() === 'set' ? value !== null && value !== undefined && value !== '' : value === null || value === undefined || value === '';
    case 'between': {
      const [from, to] = listOf(v);
      const upper = (kind === 'date' || kind === 'datetime') && typeof to === 'string' && to.length === 10 ? `${to} 23:59:59.999999` : to;
      return compare(kind, value, from) >= 0 && compare(kind, value, upper) <= 0;
    }
    case 'timespan':
    case 'previous':
    case 'next': {
      const range = dateRange(cond.operator, String(v ?? ''), ctx.site.clock.today());
      if (!range) ctx.log.throw(`Invalid value for ${cond.operator}: ${String(v)}`);
      const day = String(value ?? '').slice(0, 10);
      return value !== null && value !== undefined && day >= range[0] && day <= range[1];
    }
    default: {
      const tree = df?.fieldtype === 'Link' && df.options ? df.options : cond.doctype;
      const node = collate(value);
      if (cond.operator === 'ancestors of') return ancestors(ctx, tree, String(v)).has(node);
      if (cond.operator === 'not ancestors of') return !ancestors(ctx, tree, String(v)).has(node);
      const inclusive = cond.operator === 'descendants of (inclusive)';
      const under = descendants(ctx, tree, String(v), inclusive).has(node);
      return cond.operator === 'not descendants of' ? !under : under;
    }
  }
}

export function compareForSort(df: FieldDef | undefined, fieldname: string, a: unknown, b: unknown): number {
  const kind = kindOf(fieldname, df);
  // MariaDB sorts NULL before any value in ascending order.
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  return compare(kind, a, b);
}
