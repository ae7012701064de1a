import type { Doc } from '@shopsync/erpnext-client';
import type { Config } from '../config/config-schema';
import { errorText } from './error-text';
import { accountRefs, masterRefs, modeOfPaymentRefs, type MappingRef } from './mapping-refs';
import { ok, problem, type CheckId, type CheckResult, type DoctorErpnext } from './types';

type Row = Doc;

// Doctypes whose records belong to one company: a warehouse or account of another company cannot be
// posted to by this company's documents, so it is as wrong as a missing one.
const COMPANY_FIELD: Readonly<Record<string, string>> = { Warehouse: 'company', Account: 'company' };
const EXTRA_FIELDS: Readonly<Record<string, readonly string[]>> = { Company: ['default_currency'], 'Mode of Payment': ['enabled'], Item: ['disabled'] };

/** The named records of one doctype that exist, by name (one request per doctype). */
async function existing(erpnext: DoctorErpnext, doctype: string, names: readonly string[]): Promise<Map<string, Row>> {
  const fields = ['name', ...(COMPANY_FIELD[doctype] === undefined ? [] : [COMPANY_FIELD[doctype]]), ...(EXTRA_FIELDS[doctype] ?? [])];
  const rows = await erpnext.listAll<Row>(doctype, { fields, filters: [['name', 'in', [...new Set(names)]]], limitPageLength: 500 });
  // MariaDB compares names case-insensitively, and so do links: "stores - sd" finds "Stores - SD".
  return new Map(rows.map((row) => [String(row.name).toLowerCase(), row]));
}

/** Each reference's problem, if any: missing, of another company, disabled, or the wrong currency. */
async function refProblems(erpnext: DoctorErpnext, refs: readonly MappingRef[], config: Config): Promise<string[]> {
  const problems: string[] = [];
  for (const doctype of [...new Set(refs.map((r) => r.doctype))]) {
    const ofType = refs.filter((r) => r.doctype === doctype);
    const found = await existing(erpnext, doctype, ofType.map((r) => r.name));
    for (const r of ofType) {
      const row = found.get(r.name.toLowerCase());
      const company = COMPANY_FIELD[doctype] === undefined ? undefined : row?.[COMPANY_FIELD[doctype]];
      if (row === undefined) problems.push(`${r.configPath}: ${doctype} "${r.name}" does not exist`);
      else if (company !== undefined && company !== config.mapping.company) problems.push(`${r.configPath}: ${doctype} "${r.name}" belongs to ${String(company)}, not ${config.mapping.company}`);
      else if (row.enabled !== undefined && Number(row.enabled) === 0) problems.push(`${r.configPath}: ${doctype} "${r.name}" is disabled`);
      else if (row.disabled !== undefined && Number(row.disabled) === 1) problems.push(`${r.configPath}: ${doctype} "${r.name}" is disabled`);
      else if (doctype === 'Company' && row.default_currency !== config.mapping.companyCurrency) {
        problems.push(`mapping.companyCurrency: ${config.mapping.companyCurrency}, but ${r.name} keeps its books in ${String(row.default_currency)}`);
      }
    }
  }
  return problems;
}

async function checkRefs(id: CheckId, what: string, refs: readonly MappingRef[], config: Config, erpnext: DoctorErpnext, fix: string): Promise<CheckResult> {
  if (refs.length === 0) return ok(id, `no ${what} configured`);
  try {
    const problems = await refProblems(erpnext, refs, config);
    if (problems.length === 0) return ok(id, `${refs.length} ${what} exist${refs.length === 1 ? 's' : ''}: ${[...new Set(refs.map((r) => r.name))].join(', ')}`);
    return problem(id, problems.join('; '), fix, { problems });
  } catch (error) {
    const { code, message } = errorText(error);
    return problem(id, `${what} could not be read (${code ?? 'error'}): ${message}`, 'Give the runner\'s user read access to these doctypes in ERPNext.', { code });
  }
}

/** Company (and its currency), default warehouse, customer group, territory, gift card Item. */
export function checkMasters(config: Config, erpnext: DoctorErpnext): Promise<CheckResult> {
  return checkRefs('erpnext.mapping', 'mapped records', masterRefs(config.mapping), config, erpnext, 'Correct the named mapping keys in the config to records of your ERPNext company, or create those records in ERPNext.');
}

export function checkAccounts(config: Config, erpnext: DoctorErpnext): Promise<CheckResult> {
  return checkRefs('erpnext.accounts', 'mapped accounts', accountRefs(config.mapping), config, erpnext, 'Point the named mapping keys at accounts of your company in ERPNext\'s Chart of Accounts (or create them there).');
}

export function checkModesOfPayment(config: Config, erpnext: DoctorErpnext): Promise<CheckResult> {
  return checkRefs('erpnext.modes_of_payment', 'modes of payment', modeOfPaymentRefs(config.mapping), config, erpnext, 'Create (or enable) the named Mode of Payment in ERPNext, or correct the gateway mapping in the config.');
}
