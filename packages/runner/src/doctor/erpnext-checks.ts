import type { WriteMode } from '../worker/document-writes';
import { probeApplyDocuments, REST_FALLBACK_NOTE } from './batch-writes-probe';
import { REQUIRED_CUSTOM_FIELDS } from './custom-fields';
import { errorText, isAuthCode } from './error-text';
import { CHECK_IDS, ok, problem, type CheckResult, type DoctorErpnext } from './types';

const C = CHECK_IDS;

/** ERPNext answers, and the API key and secret belong to a user (frappe.auth.get_logged_user). */
export async function checkErpnextConnection(erpnext: DoctorErpnext, url: string): Promise<CheckResult> {
  try {
    const user = await erpnext.callMethod<string>('frappe.auth.get_logged_user', {}, { verb: 'GET' });
    if (user === 'Guest') return problem(C.erpnextConnection, `ERPNext at ${url} answers, but as Guest: the API key was not accepted`, 'Set SHOPSYNC_ERPNEXT_API_KEY and SHOPSYNC_ERPNEXT_API_SECRET to the key and secret generated for the runner\'s user (User → API Access in ERPNext).');
    return ok(C.erpnextConnection, `ERPNext at ${url} answers; the API key belongs to ${user}`, { user });
  } catch (error) {
    const { code, message } = errorText(error);
    if (isAuthCode(code)) {
      return problem(C.erpnextConnection, `ERPNext at ${url} refused the API key and secret (${code}): ${message}`, 'Generate an API key and secret for the runner\'s user (User → API Access in ERPNext) and set SHOPSYNC_ERPNEXT_API_KEY and SHOPSYNC_ERPNEXT_API_SECRET to them.', { code });
    }
    return problem(C.erpnextConnection, `ERPNext at ${url} cannot be reached (${code ?? 'error'}): ${message}`, 'Check erpnext.url and that the site is up and reachable from this machine.', { code });
  }
}

/**
 * The fields the companion app installs, read from ERPNext's own `Custom Field` records: present, and
 * unique where the operation key lives.
 */
export async function checkCustomFields(erpnext: DoctorErpnext, writes: WriteMode = 'rest'): Promise<CheckResult> {
  const fieldnames = [...new Set(REQUIRED_CUSTOM_FIELDS.map((field) => field.fieldname))];
  let rows: Array<{ dt?: unknown; fieldname?: unknown; unique?: unknown }>;
  try {
    rows = await erpnext.listAll('Custom Field', { fields: ['dt', 'fieldname', 'unique'], filters: [['fieldname', 'in', fieldnames]], limitPageLength: 500 });
  } catch (error) {
    const { code, message } = errorText(error);
    return problem(C.customFields, `the Custom Field list could not be read (${code ?? 'error'}): ${message}`, 'Give the runner\'s user read access to Custom Field, or install the companion app (bench --site SITE install-app shopsync) if the site has none of its fields.', { code });
  }
  const found = new Map(rows.map((row) => [`${String(row.dt)}.${String(row.fieldname)}`, Number(row.unique) === 1]));
  const missing = REQUIRED_CUSTOM_FIELDS.filter((field) => !found.has(`${field.doctype}.${field.fieldname}`)).map((field) => `${field.doctype}.${field.fieldname}`);
  const notUnique = REQUIRED_CUSTOM_FIELDS.filter((field) => field.unique && found.get(`${field.doctype}.${field.fieldname}`) === false).map((field) => `${field.doctype}.${field.fieldname}`);
  if (missing.length === 0 && notUnique.length === 0) {
    // With batched writes configured, an app too old for them still works (the runner falls back to REST): say so, not a problem.
    const fallback = writes === 'batch' && (await probeApplyDocuments(erpnext)) === 'missing';
    return ok(C.customFields, `all ${REQUIRED_CUSTOM_FIELDS.length} custom fields are installed, the ${REQUIRED_CUSTOM_FIELDS.filter((f) => f.unique).length} key fields unique${fallback ? REST_FALLBACK_NOTE : ''}`, fallback ? { writes: 'rest' } : undefined);
  }
  const parts = [...(missing.length > 0 ? [`${missing.length} missing: ${missing.join(', ')}`] : []), ...(notUnique.length > 0 ? [`not unique: ${notUnique.join(', ')}`] : [])];
  return problem(C.customFields, `custom fields ${parts.join('; ')}`, 'Install or update the companion app on the site (bench --site SITE install-app shopsync, or bench --site SITE migrate after an upgrade), which creates every field from custom_fields.json.', { missing, notUnique });
}
