import { listDocs } from '../list/list-docs';
import { deleteDoc, insertDoc, readDoc, saveDoc } from '../model/document-service';
import { asDict } from '../model/serialize-doc';
import { findDoc, requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeParseJson } from '../wire/python-json-loads';
import { jsonOrString, pythonTruthy, stringArg, type MethodArgs, type WhitelistedMethod } from './method-types';

const WRITE = ['POST', 'PUT'] as const;

/**
 * Resolves `name` or `filters` (first match) as frappe.client.get / get_value do, `filters` as the
 * caller decoded it: get_value through `get_safe_filters` (a non-JSON str is a name), get through
 * `frappe.parse_json` (a non-JSON str is a JSONDecodeError).
 */
function locate(ctx: Ctx, doctype: string, args: MethodArgs, filters: unknown): Doc | undefined {
  const name = args.name ?? (typeof filters === 'string' ? filters : undefined);
  if (name !== undefined) return findDoc(ctx, doctype, String(name));
  if (filters === undefined || filters === null) return undefined;
  const rows = listDocs(ctx, doctype, { fields: ['name'], filters, limit_page_length: 1, order_by: '' }) as Array<{ name: string }>;
  return rows[0] ? findDoc(ctx, doctype, rows[0].name) : undefined;
}

function getList(ctx: Ctx, args: MethodArgs): unknown {
  // v15's frappe.client.get_list has no `limit` parameter: it is dropped by frappe.call (notes §2).
  const { limit: _dropped, ...rest } = args;
  return listDocs(ctx, stringArg(args, 'doctype'), rest, 20);
}

function getValue(ctx: Ctx, args: MethodArgs): unknown {
  const doctype = stringArg(args, 'doctype');
  const meta = requireMeta(ctx, doctype);
  const fieldname = jsonOrString(args.fieldname);
  const fields = Array.isArray(fieldname) ? fieldname.map(String) : [String(fieldname ?? 'name')];
  const doc = locate(ctx, doctype, args, jsonOrString(args.filters));
  const asDictArg = args.as_dict === undefined || !['0', 'false', 0, false].includes(args.as_dict as never);
  if (!doc) return asDictArg ? {} : undefined;
  const row = asDict(ctx, meta, doc, false);
  if (asDictArg) return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
  return fields.length === 1 ? row[fields[0] ?? 'name'] : fields.map((f) => row[f] ?? null);
}

function insertMany(ctx: Ctx, args: MethodArgs): string[] {
  // `if isinstance(docs, str): docs = json.loads(docs)`.
  const docs = frappeParseJson(args.docs);
  if (!Array.isArray(docs)) ctx.log.throw('docs must be a list');
  if (docs.length > 200) ctx.log.throw('Only 200 inserts allowed in one request');
  // One request, one transaction: a failure in doc 150 leaves none of the 200 behind (notes §1).
  return docs.map((raw) => {
    const { doctype, ...doc } = raw as Record<string, unknown>;
    return insertDoc(ctx, String(doctype), doc).name;
  });
}

/**
 * The System Settings a fresh v15 site has after the setup wizard, as far as callers read them: the
 * simulated site keeps its clock in UTC (site-clock.ts), so that is its time zone.
 */
const SYSTEM_SETTINGS: Readonly<Record<string, string | number>> = { time_zone: 'UTC', date_format: 'dd-mm-yyyy', time_format: 'HH:mm:ss', number_format: '#,###.##', float_precision: 3, currency_precision: '' };

/** frappe.client.get_single_value: only System Settings is simulated (Single doctypes are not). */
function getSingleValue(ctx: Ctx, args: MethodArgs): unknown {
  const doctype = stringArg(args, 'doctype');
  const field = stringArg(args, 'field');
  if (doctype !== 'System Settings') ctx.log.throw(`DocType ${doctype} not found`);
  return SYSTEM_SETTINGS[field] ?? null;
}

/** `frappe.client.*`, `ping` and `frappe.auth.get_logged_user` (notes §2). */
export const FRAPPE_CLIENT_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  ping: { allowGuest: true, run: () => 'pong' },
  'frappe.auth.get_logged_user': { run: (ctx) => ctx.user },
  'frappe.client.get_list': { run: getList },
  'frappe.client.get_count': {
    run: (ctx, args) => {
      // `get_safe_filters`: a str that is not JSON stays a str, which frappe.db.count reads as a name.
      const safe = jsonOrString(args.filters);
      const filters = typeof safe === 'string' ? (safe === '' ? undefined : { name: safe }) : safe;
      const rows = listDocs(ctx, stringArg(args, 'doctype'), { fields: ['count(name) as count'], filters }) as Array<{ count: number }>;
      return rows[0]?.count ?? 0;
    },
  },
  'frappe.client.get': {
    run: (ctx, args) => {
      const doctype = stringArg(args, 'doctype');
      const meta = requireMeta(ctx, doctype);
      // `if name: ... elif filters or filters == {}: frappe.get_doc(doctype, frappe.parse_json(filters))`.
      const byFilters = !pythonTruthy(args.name) && (pythonTruthy(args.filters) || (typeof args.filters === 'object' && args.filters !== null && !Array.isArray(args.filters)));
      const filters = byFilters ? frappeParseJson(args.filters) : undefined;
      const doc = locate(ctx, doctype, args, filters) ?? readDoc(ctx, doctype, stringArg(args, 'name'));
      return asDict(ctx, meta, doc, false);
    },
  },
  'frappe.client.get_value': { run: getValue },
  'frappe.client.get_single_value': { run: getSingleValue },
  'frappe.client.insert': {
    verbs: WRITE,
    run: (ctx, args) => {
      // `if isinstance(doc, str): doc = json.loads(doc)`.
      const { doctype, ...doc } = frappeParseJson(args.doc) as Record<string, unknown>;
      return asDict(ctx, requireMeta(ctx, String(doctype)), insertDoc(ctx, String(doctype), doc), false);
    },
  },
  'frappe.client.insert_many': { verbs: WRITE, run: insertMany },
  'frappe.client.set_value': {
    verbs: WRITE,
    run: (ctx, args) => {
      const doctype = stringArg(args, 'doctype');
      const fieldname = jsonOrString(args.fieldname);
      const changes = typeof fieldname === 'object' && fieldname !== null ? (fieldname as Record<string, unknown>) : { [String(fieldname)]: args.value };
      return asDict(ctx, requireMeta(ctx, doctype), saveDoc(ctx, doctype, stringArg(args, 'name'), changes), false);
    },
  },
  'frappe.client.cancel': {
    verbs: WRITE,
    run: (ctx, args) => {
      const doctype = stringArg(args, 'doctype');
      return asDict(ctx, requireMeta(ctx, doctype), saveDoc(ctx, doctype, stringArg(args, 'name'), { docstatus: 2 }), false);
    },
  },
  'frappe.client.delete': {
    verbs: ['POST', 'DELETE'],
    run: (ctx, args) => {
      deleteDoc(ctx, stringArg(args, 'doctype'), stringArg(args, 'name'));
      return undefined;
    },
  },
};
