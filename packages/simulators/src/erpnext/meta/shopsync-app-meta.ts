import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DoctypeMeta, FieldDef } from '../types';

/** The repo root, found from this file: packages/simulators/src/erpnext/meta → five levels up. */
export const DEFAULT_APP_DIR = resolve(__dirname, '../../../../..', 'frappe_app', 'shopsync');

/** One entry of `custom_fields.json`: the dict install.py hands to `create_custom_fields`. */
export type CustomFieldDict = Readonly<Record<string, unknown>>;

export interface ShopsyncAppMeta {
  /** Custom fields per ERPNext doctype, from `custom_fields.json`; the seed installs them as Custom Field documents. */
  readonly customFields: Readonly<Record<string, readonly CustomFieldDict[]>>;
  /** Our own doctypes, from `<module>/doctype/<name>/<name>.json`. */
  readonly doctypes: readonly DoctypeMeta[];
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`ERPNext simulator: cannot read ${path}: ${(error as Error).message}`);
  }
}

/** A DocField (or Custom Field document) as the model layer uses it. */
export function toField(raw: Readonly<Record<string, unknown>>): FieldDef {
  const flag = (key: string): 0 | 1 => (raw[key] === 1 || raw[key] === true ? 1 : 0);
  // A Custom Field document stores an unset Int `length` as 0, which Frappe reads as "the default",
  // and its unset properties as null, which a DocField would not carry at all.
  const { length, ...rest } = raw;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null && value !== undefined)),
    ...(Number(length) > 0 ? { length: Number(length) } : {}),
    fieldname: String(raw.fieldname),
    fieldtype: String(raw.fieldtype ?? 'Data'),
    label: String(raw.label ?? raw.fieldname),
    reqd: flag('reqd'),
    unique: flag('unique'),
    allow_on_submit: flag('allow_on_submit'),
    read_only: flag('read_only'),
    no_copy: flag('no_copy'),
    ...(typeof raw.options === 'string' ? { options: raw.options } : {}),
    ...(raw.default === undefined || raw.default === null || raw.default === '' ? {} : { default: String(raw.default) }),
    ...(typeof raw.fetch_from === 'string' && raw.fetch_from !== '' ? { fetch_from: raw.fetch_from, fetch_if_empty: flag('fetch_if_empty') } : {}),
  } as FieldDef;
}

function loadCustomFields(path: string): Record<string, CustomFieldDict[]> {
  if (!existsSync(path)) return {};
  const raw = readJson(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`ERPNext simulator: ${path} must map doctype names to lists of fields`);
  }
  const out: Record<string, CustomFieldDict[]> = {};
  for (const [doctype, fields] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(fields)) throw new Error(`ERPNext simulator: ${path}: "${doctype}" must be a list of fields`);
    out[doctype] = fields.map((df) => df as CustomFieldDict);
  }
  return out;
}

function loadDoctypes(appDir: string): DoctypeMeta[] {
  const metas: DoctypeMeta[] = [];
  if (!existsSync(appDir)) return metas;
  for (const module of readdirSync(appDir)) {
    const doctypeDir = join(appDir, module, 'doctype');
    if (!existsSync(doctypeDir) || !statSync(doctypeDir).isDirectory()) continue;
    for (const folder of readdirSync(doctypeDir).sort()) {
      const file = join(doctypeDir, folder, `${folder}.json`);
      if (!existsSync(file)) continue;
      const raw = readJson(file) as Record<string, unknown>;
      if (raw.doctype !== 'DocType' || typeof raw.name !== 'string') continue;
      // The app has none since Shopsync Settings left it; a new one must not be served as a plain doctype.
      if (raw.issingle === 1) throw new Error(`ERPNext simulator: ${file}: Single doctypes are not simulated`);
      const fields = Array.isArray(raw.fields) ? raw.fields.map((df) => toField(df as Record<string, unknown>)) : [];
      const flag = (key: string): 0 | 1 => (raw[key] === 1 ? 1 : 0);
      metas.push({
        name: raw.name,
        fields,
        ...(typeof raw.autoname === 'string' && raw.autoname !== '' ? { autoname: raw.autoname } : {}),
        istable: flag('istable'),
        is_submittable: flag('is_submittable'),
        ...(typeof raw.title_field === 'string' ? { title_field: raw.title_field } : {}),
      });
    }
  }
  return metas;
}

/**
 * Reads the companion app's definitions from disk (DESIGN §6): the runner is tested against the
 * same custom fields and doctypes the app installs. Missing files mean "no app installed yet".
 */
export function loadShopsyncAppMeta(appDir: string = DEFAULT_APP_DIR): ShopsyncAppMeta {
  return { customFields: loadCustomFields(join(appDir, 'custom_fields.json')), doctypes: loadDoctypes(appDir) };
}
