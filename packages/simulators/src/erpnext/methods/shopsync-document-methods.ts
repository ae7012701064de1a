import { insertDoc, readDoc, saveDoc } from '../model/document-service';
import { asDict } from '../model/serialize-doc';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { pythonJson } from '../wire/python-json';
import { frappeParseJson } from '../wire/python-json-loads';
import { ERPNEXT_MAPPER_METHODS } from './erpnext-mapper-methods';
import { pythonTruthy, type MethodArgs, type WhitelistedMethod } from './method-types';

/**
 * The companion app's `shopsync.documents.apply_documents` (frappe_app/shopsync/documents.py and
 * document_batch.py): one event's keyed ensure and update operations in one request, so in one
 * transaction (http/handle-request.ts rolls the whole request back on any error). It checks what the
 * Python checks with the same messages, and inserts, submits, maps and saves with the simulator's own code.
 */
const KINDS = ['ensure_document', 'ensure_mapped_document', 'update_document'] as const;
const MAPPERS = new Set([
  'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice',
  'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note',
  'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry',
  'erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return',
  'erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return',
]);
const DRAFT_ONLY_FIELDS = ['name', '__islocal', '__unsaved', 'creation', 'modified', 'owner', 'modified_by'];
const MAX_OPERATIONS = 100;

type Obj = Record<string, unknown>;
interface TableEdit { readonly table: string; readonly matchField: string; readonly rows: ReadonlyArray<{ match: string; set: Obj }>; readonly dropUnmatched: boolean }
interface Operation {
  readonly key: string;
  readonly kind: (typeof KINDS)[number];
  readonly doctype: string;
  readonly submit: boolean;
  readonly revised: boolean;
  readonly doc: Obj;
  readonly method: string;
  readonly args: Obj;
  readonly set: Obj;
  readonly tableEdits: readonly TableEdit[];
  readonly target: string;
  readonly changes: Obj;
}

/** document_batch.BatchError: the request is not one the runner sends. */
class BatchError extends Error {}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(raw: Obj, name: string, where: string): string {
  const value = raw[name];
  if (typeof value !== 'string' || value === '') throw new BatchError(`${where}: ${name} must be a non-empty string`);
  return value;
}

function mapping(raw: Obj, name: string, where: string): Obj {
  const value = raw[name];
  if (!isObj(value)) throw new BatchError(`${where}: ${name} must be an object`);
  return value;
}

function flag(raw: Obj, name: string, where: string): boolean {
  const value = raw[name];
  if (typeof value !== 'boolean') throw new BatchError(`${where}: ${name} must be true or false`);
  return value;
}

function tableEdit(raw: unknown, where: string): TableEdit {
  if (!isObj(raw)) throw new BatchError(`${where}: each table edit must be an object`);
  if (!Array.isArray(raw.rows)) throw new BatchError(`${where}: rows must be a list`);
  const rows = (raw.rows as unknown[]).map((row) => {
    if (!isObj(row)) throw new BatchError(`${where}: each row must be an object`);
    return { match: text(row, 'match', where), set: mapping(row, 'set', where) };
  });
  return { table: text(raw, 'table', where), matchField: text(raw, 'matchField', where), rows, dropUnmatched: flag(raw, 'dropUnmatched', where) };
}

/** A Python repr of a value in a message ('x', None, 3), as `{kind!r}` prints it. */
function pyRepr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value);
}

function parseOperation(raw: unknown, index: number): Operation {
  let where = `operation ${index + 1}`;
  if (!isObj(raw)) throw new BatchError(`${where} must be an object`);
  const key = text(raw, 'key', where);
  where = `operation ${key}`;
  const kind = raw.kind;
  if (!KINDS.includes(kind as Operation['kind'])) throw new BatchError(`${where}: kind must be one of ${KINDS.join(', ')}, not ${pyRepr(kind)}`);
  const empty = { revised: false, doc: {}, method: '', args: {}, set: {}, tableEdits: [], target: '', changes: {} };
  if (kind === 'update_document') {
    const target = raw.target;
    if (!isObj(target) || typeof target.$ref !== 'string') throw new BatchError(`${where}: target must be a reference to an operation`);
    return { ...empty, key, kind, doctype: text(raw, 'doctype', where), submit: false, target: target.$ref, changes: mapping(raw, 'changes', where) };
  }
  const revision = raw.revision;
  if (revision !== undefined && revision !== null && !isObj(revision)) throw new BatchError(`${where}: revision must be an object`);
  const hasRevision = revision !== undefined && revision !== null;
  const common = { key, kind: kind as Operation['kind'], doctype: text(raw, 'doctype', where), submit: flag(raw, 'submit', where) };
  if (kind === 'ensure_document') return { ...empty, ...common, revised: hasRevision, doc: mapping(raw, 'doc', where) };
  if (hasRevision) throw new BatchError(`${where}: a mapped document carries no revision`);
  const method = text(raw, 'method', where);
  if (!MAPPERS.has(method)) throw new BatchError(`${where}: ${method} is not one of the mappers shopsync may call`);
  const edits = raw.tableEdits ?? [];
  if (!Array.isArray(edits)) throw new BatchError(`${where}: tableEdits must be a list`);
  return { ...empty, ...common, method, args: mapping(raw, 'args', where), set: mapping(raw, 'set', where), tableEdits: edits.map((edit) => tableEdit(edit, where)) };
}

function parseNames(raw: unknown): Map<string, string> {
  // `frappe.parse_json(names) if names else None`: a missing, empty or {} argument is no names.
  if (raw === undefined || raw === null || raw === '' || (isObj(raw) && Object.keys(raw).length === 0)) return new Map();
  if (!isObj(raw) || !Object.values(raw).every((v) => typeof v === 'string' && v !== '')) throw new BatchError('names must be an object of operation keys to document names');
  return new Map(Object.entries(raw as Record<string, string>));
}

function parseOperations(raw: unknown, names: ReadonlyMap<string, string>): Operation[] {
  if (!Array.isArray(raw)) throw new BatchError('operations must be a list');
  if (raw.length > MAX_OPERATIONS) throw new BatchError(`at most ${MAX_OPERATIONS} operations in one request, got ${raw.length}`);
  const operations = raw.map((item, index) => parseOperation(item, index));
  const seen = new Set(names.keys());
  for (const op of operations) {
    if (seen.has(op.key)) throw new BatchError(`operation ${op.key} is listed twice (or its name is already given)`);
    seen.add(op.key);
  }
  return operations;
}

function resolveRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (isObj(value) && typeof value.$ref === 'string') {
    const name = names.get(value.$ref);
    if (name === undefined) throw new BatchError(`operation ${value.$ref} has not produced a document yet`);
    return name;
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, names));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, resolveRefs(inner, names)]));
  return value;
}

/** Python's str() of a matched value as document_batch._as_text gives it (JavaScript's String()). */
const asText = (value: unknown): string => (value === undefined || value === null ? 'null' : String(value));

/** document_batch.apply_table_edits; a named row missing raises RowNotOfferedError (417). */
function applyTableEdits(ctx: Ctx, doc: Obj, edits: readonly TableEdit[], names: ReadonlyMap<string, string>, doctype: string): void {
  for (const edit of edits) {
    const rows = Array.isArray(doc[edit.table]) ? (doc[edit.table] as Obj[]) : [];
    const kept: Obj[] = [];
    for (const wanted of edit.rows) {
      const row = rows.find((candidate) => asText(candidate[edit.matchField]) === wanted.match);
      if (row === undefined) rowNotOffered(ctx, `ERPNext's draft ${doctype} has no ${edit.table} row with ${edit.matchField} ${wanted.match}`);
      kept.push({ ...row, ...(resolveRefs(wanted.set, names) as Obj) });
    }
    const matches = new Set(edit.rows.map((wanted) => wanted.match));
    const unmatched = rows.filter((row) => !matches.has(asText(row[edit.matchField])));
    doc[edit.table] = edit.dropUnmatched ? kept : [...kept, ...unmatched];
  }
}

/** `frappe.throw(str(error), RowNotOfferedError, title=...)`: a ValidationError subclass of the app's own. */
function rowNotOffered(ctx: Ctx, message: string): never {
  ctx.log.entries.push({ message, title: 'Row not offered', indicator: 'red', raise_exception: 1, __frappe_exc_id: ctx.site.randomHex(56) });
  throw new FrappeError({ excType: 'RowNotOfferedError', excArg: message, status: 417 });
}

/** `frappe.db.get_value(doctype, {"shopsync_key": key}, ["name", "docstatus"], as_dict=True)`. */
function findByKey(ctx: Ctx, doctype: string, key: string): { name: string; docstatus: number } | undefined {
  const meta = requireMeta(ctx, doctype);
  if (!meta.field('shopsync_key')) throw new FrappeError({ excType: 'OperationalError', excArg: `(1054, "Unknown column 'shopsync_key' in 'where clause'")`, status: 500 });
  const found = ctx.site.store.where(doctype, 'shopsync_key', key).find((doc) => doc.shopsync_key === key);
  return found === undefined ? undefined : { name: String(found.name), docstatus: Number(found.docstatus ?? 0) };
}

function newDocument(ctx: Ctx, op: Operation, names: ReadonlyMap<string, string>): Obj {
  if (op.kind === 'ensure_document') return resolveRefs(op.doc, names) as Obj;
  const mapper = ERPNEXT_MAPPER_METHODS[op.method];
  if (!mapper || !MAPPERS.has(op.method)) throw new BatchError(`${op.method} is not one of the mappers shopsync may call`);
  // as_dict(no_nulls=True) in Python (documents.py): the draft as the runner had it from the wire (plain numbers, no absent keys).
  const draft = JSON.parse(pythonJson(mapper.run(ctx, resolveRefs(op.args, names) as MethodArgs))) as Obj;
  const doc: Obj = { ...draft, ...(resolveRefs(op.set, names) as Obj) };
  for (const field of DRAFT_ONLY_FIELDS) delete doc[field];
  applyTableEdits(ctx, doc, op.tableEdits, names, op.doctype);
  return doc;
}

/** JavaScript's Number() for the JSON values a plan and a document hold (what the core's sameFieldValue calls). */
const jsNumber = (value: unknown): number => Number(value ?? 0);

/**
 * The core's sameFieldValue (packages/core/src/reconcile/field-values.ts), which this package may
 * not import (it depends on no workspace package), kept equal by the cases in
 * frappe_app/shopsync/tests/same_field_value_cases.json that document_batch.same_field_value passes
 * too (test/same-field-value-cases.unit.test.ts runs both TypeScript copies on them).
 */
export function sameFieldValue(wanted: unknown, stored: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(stored) || stored.length !== wanted.length) return false;
    return wanted.every((row, index) => {
      const storedRow: unknown = stored[index];
      const fields = typeof storedRow === 'object' && storedRow !== null ? (storedRow as Record<string, unknown>) : {};
      return Object.entries(row as Record<string, unknown>).every(([field, value]) => sameFieldValue(value, fields[field]));
    });
  }
  if (typeof wanted === 'number' || typeof stored === 'number') return jsNumber(wanted) === jsNumber(stored);
  return (wanted ?? '') === (stored ?? '');
}

type Ensured = { key: string; doctype: string; name: string; docstatus: number; step: 'inserted' | 'adopted'; submitted: boolean };
type Updated = { key: string; doctype: string; name: string; step: 'updated' | 'unchanged'; changed: string[] };
type Step = Ensured | Updated;

/**
 * documents._update: the document as the runner's GET would carry it, compared field by field, and
 * only the differing fields saved as PUT /api/resource saves them (a table given replaces the table).
 */
function update(ctx: Ctx, op: Operation, names: ReadonlyMap<string, string>): Updated {
  const name = names.get(op.target);
  if (name === undefined) throw new BatchError(`operation ${op.target} has not produced a document yet`);
  const current = JSON.parse(pythonJson(asDict(ctx, requireMeta(ctx, op.doctype), readDoc(ctx, op.doctype, name)))) as Obj;
  const wanted = resolveRefs(op.changes, names) as Obj;
  const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => !sameFieldValue(value, current[field])));
  const changed = Object.keys(changes);
  if (changed.length > 0) saveDoc(ctx, op.doctype, name, changes);
  return { key: op.key, doctype: op.doctype, name, step: changed.length > 0 ? 'updated' : 'unchanged', changed };
}

function applyOne(ctx: Ctx, op: Operation, found: { name: string; docstatus: number } | undefined, names: ReadonlyMap<string, string>): Step {
  const row = (doc: Doc | { name: string; docstatus: number }, step: Ensured['step'], submitted: boolean): Ensured => ({ key: op.key, doctype: op.doctype, name: String(doc.name), docstatus: Number(doc.docstatus), step, submitted });
  try {
    if (op.kind === 'update_document') return update(ctx, op, names);
    if (found !== undefined && found.docstatus === 0 && op.submit) return row(saveDoc(ctx, op.doctype, found.name, { docstatus: 1 }), 'adopted', true);
    if (found !== undefined) return row(found, 'adopted', false);
    const doc = newDocument(ctx, op, names);
    delete doc.doctype;
    const inserted = insertDoc(ctx, op.doctype, doc);
    return row(op.submit ? saveDoc(ctx, op.doctype, String(inserted.name), { docstatus: 1 }) : inserted, 'inserted', op.submit);
  } catch (error) {
    ctx.log.msgprint(`shopsync: operation ${op.key} (${op.doctype}) failed; nothing of this request was kept`, { title: 'shopsync', indicator: 'blue' });
    if (error instanceof BatchError) ctx.log.throw(error.message, 'ValidationError', { title: 'shopsync' });
    throw error;
  }
}

function applyDocuments(ctx: Ctx, args: MethodArgs): unknown {
  let names: Map<string, string>;
  let operations: Operation[];
  try {
    // documents.py _parse: `frappe.parse_json(names) if names else None`, `frappe.parse_json(operations)`:
    // a str that is not JSON is a 500 JSONDecodeError, which the BatchError catch below lets through.
    names = parseNames(pythonTruthy(args.names) ? frappeParseJson(args.names) : undefined);
    operations = parseOperations(frappeParseJson(args.operations), names);
  } catch (error) {
    if (error instanceof BatchError) ctx.log.throw(error.message, 'ValidationError', { title: 'shopsync' });
    throw error;
  }
  // frappe.has_permission(doctype, "create" / "write") per doctype: the simulator has no roles,
  // so any authenticated user may create and write; the doctype must exist (an unknown one is a 404).
  for (const doctype of new Set(operations.map((op) => op.doctype))) requireMeta(ctx, doctype);
  const applied: Step[] = [];
  for (const op of operations) {
    // An update is not remembered by key: no look-up, comparing first makes it idempotent.
    const found = op.kind === 'update_document' ? undefined : findByKey(ctx, op.doctype, op.key);
    if (found !== undefined && (found.docstatus === 2 || op.revised)) return { applied, stopped_at: op.key };
    const done = applyOne(ctx, op, found, names);
    names.set(op.key, done.name);
    applied.push(done);
  }
  return { applied, stopped_at: null };
}

export const SHOPSYNC_DOCUMENT_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  'shopsync.documents.apply_documents': { verbs: ['POST'], run: applyDocuments },
};
