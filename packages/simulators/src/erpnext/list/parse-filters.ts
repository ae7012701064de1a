import type { Ctx } from '../site/site';
import { pythonJsonLoads } from '../wire/python-json-loads';

/** One normalised condition; `doctype` names the parent or a child doctype (4-element form). */
export interface Condition {
  readonly doctype: string;
  readonly fieldname: string;
  readonly operator: string;
  readonly value: unknown;
}

/** `frappe.model.db_query` operators (notes §2); anything else is "Operator must be one of ...". */
export const OPERATORS = [
  '=', '!=', '>', '<', '>=', '<=', 'like', 'not like', 'in', 'not in', 'is', 'between',
  'descendants of', 'ancestors of', 'not descendants of', 'not ancestors of', 'descendants of (inclusive)',
  'timespan', 'previous', 'next',
] as const;

/**
 * `DatabaseQuery.execute` takes `filters or []`, then `parse_args` does `json.loads` on a str with no
 * guard: an empty str is no filters, any other str that is not JSON is a 500 JSONDecodeError.
 */
function decodeFilters(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value === '' ? undefined : pythonJsonLoads(value);
}

function condition(ctx: Ctx, doctype: string, fieldname: string, operator: unknown, value: unknown): Condition {
  const op = String(operator ?? '=').trim().toLowerCase();
  if (!(OPERATORS as readonly string[]).includes(op)) ctx.log.throw(`Operator must be one of ${OPERATORS.join(', ')}`);
  return { doctype, fieldname: fieldname.replace(/`/g, '').replace(/^tab[^.]+\./, ''), operator: op, value };
}

/**
 * Filters in dict form (`{"status": "Open", "total": [">", 100]}`) or list form (3 or 4 elements,
 * the 4-element form naming a child doctype), as a JSON string or already parsed.
 */
export function parseFilters(ctx: Ctx, doctype: string, raw: unknown, what = 'filters'): Condition[] {
  const filters = decodeFilters(raw);
  if (filters === undefined || filters === null) return [];
  if (Array.isArray(filters)) {
    return filters.map((f) => {
      if (!Array.isArray(f)) ctx.log.throw(`Invalid ${what}: ${JSON.stringify(f)}`);
      if (f.length === 2) return condition(ctx, doctype, String(f[0]), '=', f[1]);
      if (f.length === 3) return condition(ctx, doctype, String(f[0]), f[1], f[2]);
      return condition(ctx, String(f[0] || doctype), String(f[1]), f[2], f[3]);
    });
  }
  if (typeof filters === 'object') {
    return Object.entries(filters as Record<string, unknown>).map(([fieldname, value]) =>
      Array.isArray(value) ? condition(ctx, doctype, fieldname, value[0], value[1]) : condition(ctx, doctype, fieldname, '=', value),
    );
  }
  ctx.log.throw(`Invalid ${what}: ${String(filters)}`);
}

/**
 * `fields`: a JSON list, "*", or a comma-separated string (`DatabaseQuery.parse_args` falls back to
 * splitting on commas when `json.loads` fails, so a non-JSON str is no error here).
 */
export function parseFields(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return ['name'];
  if (Array.isArray(raw)) return raw.map(String);
  const text = String(raw).trim();
  if (text === '*') return ['*'];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return text.split(',').map((f) => f.trim());
  }
}
