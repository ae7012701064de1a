import type { ListOptions } from '../types';

/** Stable order for paging: creation alone ties within a microsecond, name breaks the tie. */
export const DEFAULT_ORDER_BY = 'creation asc, name asc';

/**
 * Query parameters for `GET /api/resource/{doctype}` (notes §2). Lists and filters travel as JSON;
 * `order_by` is always present because Frappe otherwise emits no ORDER BY at all.
 */
export function listQuery(options: ListOptions = {}): Record<string, string> {
  const query: Record<string, string> = {};
  if (options.fields) query.fields = JSON.stringify(options.fields);
  if (options.filters) query.filters = JSON.stringify(options.filters);
  if (options.orFilters) query.or_filters = JSON.stringify(options.orFilters);
  query.order_by = options.orderBy ?? DEFAULT_ORDER_BY;
  if (options.limitStart !== undefined) query.limit_start = String(options.limitStart);
  if (options.limitPageLength !== undefined) query.limit_page_length = String(options.limitPageLength);
  return query;
}

/** Whitelisted-method args in a GET query string: strings as they are, everything else as JSON. */
export function methodQuery(args: Readonly<Record<string, unknown>>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    query[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return query;
}
