import type { Meta } from '../meta/meta';
import { childRows } from '../model/new-doc';
import { pyValue } from '../model/serialize-doc';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { compareForSort, matchesCondition } from './match-condition';
import { parseFields, parseFilters, type Condition } from './parse-filters';

export interface ListArgs {
  readonly fields?: unknown;
  readonly filters?: unknown;
  readonly or_filters?: unknown;
  readonly order_by?: unknown;
  readonly limit_start?: unknown;
  readonly limit_page_length?: unknown;
  readonly limit?: unknown;
  readonly parent?: unknown;
  readonly as_dict?: unknown;
}

/** Where a selected or filtered column lives: the listed doctype, or one of its child tables. */
interface Column {
  readonly key: string;
  readonly fieldname: string;
  readonly meta: Meta;
  readonly table?: string;
}

/** A joined result row: the document, plus the child row when a child column is selected. */
interface Joined {
  readonly doc: Doc;
  readonly child?: Doc;
  readonly childTable?: string;
}

function notPermitted(ctx: Ctx, field: string): never {
  ctx.log.throw(`Field not permitted in query: ${field}`, 'DataError');
}

function resolveColumn(ctx: Ctx, meta: Meta, expr: string, key?: string): Column {
  const clean = expr.replace(/`/g, '').trim();
  const dotted = /^(.+)\.(\w+|\*)$/.exec(clean);
  if (dotted) {
    const [, owner = '', fieldname = ''] = dotted;
    const ownerName = owner.replace(/^tab/, '');
    if (ownerName === meta.name) return resolveColumn(ctx, meta, fieldname, key);
    const table = meta.tables.find((t) => t.fieldname === owner || t.options === ownerName);
    if (!table) notPermitted(ctx, expr);
    const childMeta = requireMeta(ctx, table.options ?? '');
    if (!childMeta.validKeys.includes(fieldname)) notPermitted(ctx, expr);
    return { key: key ?? fieldname, fieldname, meta: childMeta, table: table.fieldname };
  }
  if (!meta.validKeys.includes(clean)) notPermitted(ctx, expr);
  return { key: key ?? clean, fieldname: clean, meta };
}

function selectColumns(ctx: Ctx, meta: Meta, fields: readonly string[]): { columns: Column[]; count?: string } {
  const columns: Column[] = [];
  for (const field of fields) {
    const aliased = /^(.*?)\s+as\s+(\w+)$/i.exec(field.trim());
    const expr = aliased?.[1] ?? field.trim();
    if (/^count\(.*\)$/i.test(expr)) return { columns: [], count: aliased?.[2] ?? expr };
    if (expr === '*') columns.push(...meta.validKeys.map((k) => ({ key: k, fieldname: k, meta })));
    else if (/\.\*$/.test(expr)) {
      const table = resolveColumn(ctx, meta, expr.replace(/\*$/, 'name'));
      columns.push(...table.meta.validKeys.map((k) => ({ ...table, key: k, fieldname: k })));
    } else columns.push(resolveColumn(ctx, meta, expr, aliased?.[2]));
  }
  return { columns };
}

function conditionColumn(ctx: Ctx, meta: Meta, cond: Condition): Column {
  return cond.doctype === meta.name ? resolveColumn(ctx, meta, cond.fieldname) : resolveColumn(ctx, meta, `${cond.doctype}.${cond.fieldname}`);
}

function holds(ctx: Ctx, row: Joined, cond: Condition, column: Column): boolean {
  const df = column.meta.field(column.fieldname);
  if (!column.table) return matchesCondition(ctx, cond, row.doc[column.fieldname], df);
  // A filter on the joined table applies to the joined row; on another table it means "some row".
  if (row.childTable === column.table) return matchesCondition(ctx, cond, row.child?.[column.fieldname] ?? null, df);
  return childRows(row.doc, column.table).some((child) => matchesCondition(ctx, cond, child[column.fieldname], df));
}

function intArg(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === null || value === '' || !Number.isFinite(n) ? fallback : Math.max(0, Math.trunc(n));
}

/** Source documents: a normal doctype's rows, or a child doctype's rows under a parent doctype. */
function sourceDocs(ctx: Ctx, meta: Meta, parent: unknown): Doc[] {
  if (!meta.isTable) return [...ctx.site.store.scan(meta.name)];
  // check_parent_permission: listing a child doctype needs `parent` (notes §2), else a bare 403.
  const parentMeta = typeof parent === 'string' ? ctx.site.registry.get(parent) : undefined;
  const tables = parentMeta?.tables.filter((t) => t.options === meta.name) ?? [];
  if (!parentMeta || tables.length === 0) throw new FrappeError({ excType: 'PermissionError' });
  return [...ctx.site.store.scan(parentMeta.name)].flatMap((doc) => tables.flatMap((t) => childRows(doc, t.fieldname)));
}

/** `frappe.client.get_list` / `GET /api/resource/{doctype}` (notes §2: fields, filters, order, paging). */
export function listDocs(ctx: Ctx, doctype: string, args: ListArgs, defaultLimit = 20): unknown[] {
  const meta = requireMeta(ctx, doctype);
  const { columns, count } = selectColumns(ctx, meta, parseFields(args.fields));
  const filters = parseFilters(ctx, doctype, args.filters).map((c) => ({ c, col: conditionColumn(ctx, meta, c) }));
  const orFilters = parseFilters(ctx, doctype, args.or_filters, 'or_filters').map((c) => ({ c, col: conditionColumn(ctx, meta, c) }));
  const joinTable = columns.find((c) => c.table)?.table;
  const joined: Joined[] = sourceDocs(ctx, meta, args.parent).flatMap((doc) => {
    if (!joinTable) return [{ doc }];
    const rows = childRows(doc, joinTable);
    return rows.length === 0 ? [{ doc, childTable: joinTable }] : rows.map((child) => ({ doc, child, childTable: joinTable }));
  });
  const kept = joined.filter(
    (row) => filters.every(({ c, col }) => holds(ctx, row, c, col)) && (orFilters.length === 0 || orFilters.some(({ c, col }) => holds(ctx, row, c, col))),
  );
  if (count !== undefined) return [{ [count]: kept.length }];
  const order = String(args.order_by ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
  const sorters = order.map((part) => {
    const [expr = '', dir = 'asc'] = part.split(/\s+/);
    return { col: resolveColumn(ctx, meta, expr), desc: dir.toLowerCase() === 'desc' };
  });
  const valueOf = (row: Joined, col: Column) => (col.table ? row.child?.[col.fieldname] ?? null : row.doc[col.fieldname]);
  kept.sort((a, b) => {
    for (const { col, desc } of sorters) {
      const diff = compareForSort(col.meta.field(col.fieldname), col.fieldname, valueOf(a, col), valueOf(b, col));
      if (diff !== 0) return desc ? -diff : diff;
    }
    return 0;
  });
  // limit_page_length wins over the `limit` alias; 0 means no LIMIT at all.
  const pageLength = intArg(args.limit_page_length ?? args.limit, defaultLimit);
  const start = intArg(args.limit_start, 0);
  const page = pageLength === 0 ? kept.slice(start) : kept.slice(start, start + pageLength);
  const asDict = !['0', 'false', 'False', false, 0].includes(args.as_dict as never);
  return page.map((row) => {
    const values = columns.map((col) => [col.key, pyValue(col.meta, col.fieldname, valueOf(row, col) ?? null)] as const);
    return asDict ? Object.fromEntries(values) : values.map(([, v]) => v);
  });
}
