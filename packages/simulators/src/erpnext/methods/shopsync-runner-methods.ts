import { insertDoc, saveDoc } from '../model/document-service';
import type { Ctx } from '../site/site';
import { frappeParseJson } from '../wire/python-json-loads';
import type { MethodArgs, WhitelistedMethod } from './method-types';

/**
 * The companion app's `shopsync.api.record_runner_health`, behaving as frappe_app/shopsync/api.py and
 * runner_health.py do: the entry is checked with the same rules and messages, upserted into Sync Runner
 * by runner_name, its flows table replaced, and last_heartbeat stamped by the site's clock. A bad entry
 * is answered "invalid" and nothing is written.
 */
const DATA_MAX = 140;
const MAX_HEARTBEAT_SECONDS = 86_400;
const MAX_FLOWS = 50;
const COUNT_FIELDS = ['pending', 'claimed', 'open_failures', 'retrying_failures'] as const;
const FLOW_FIELDS = new Set(['flow', 'last_success', 'topic']);
const KNOWN = new Set(['runner_name', 'version', 'shops', 'started_at', 'heartbeat_seconds', ...COUNT_FIELDS, 'erpnext_outage', 'shopify_outages', 'flows']);
// What Python's datetime.fromisoformat reads of what a runner sends (log_entries.to_site_datetime).
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

export interface RunnerHealthResult {
  runner_name: string | null;
  name: string | null;
  ok: boolean;
  result: string;
  last_heartbeat: string | null;
  message: string;
}

type Checked = { name: string; fields: Record<string, unknown>; flows: Array<Record<string, unknown>> } | { invalid: string };

/** Python's repr() of a JSON value, as the app's messages print it. */
function pyRepr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** The site runs in UTC: an ISO 8601 instant as Frappe's naive "YYYY-MM-DD HH:MM:SS.ffffff", or null. */
function siteDatetime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATETIME.exec(value);
  if (match === null) return null;
  // Naive means the site's zone, UTC here; Date.parse would read a naive datetime as the host's local time.
  const text = value.replace(' ', 'T').replace(/z$/, 'Z');
  const ms = Date.parse(match[1] === undefined && text.length > 10 ? `${text}Z` : text);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}000`;
}

function checkFlows(value: unknown): Array<Record<string, unknown>> | string {
  if (!Array.isArray(value)) return 'flows must be a list';
  if (value.length > MAX_FLOWS) return `flows has more than ${MAX_FLOWS} rows`;
  const rows: Array<Record<string, unknown>> = [];
  const seen = new Set<string>();
  for (const [index, row] of value.entries()) {
    if (!isObject(row) || Object.keys(row).some((key) => !FLOW_FIELDS.has(key))) return `flows[${index}] must be an object with flow, last_success and topic`;
    const { flow, topic } = row;
    if (typeof flow !== 'string' || flow === '' || flow.length > DATA_MAX || seen.has(flow)) return `flows[${index}].flow must be a distinct non-blank string of at most ${DATA_MAX} characters`;
    if (topic !== undefined && topic !== null && (typeof topic !== 'string' || topic.length > DATA_MAX)) return `flows[${index}].topic must be a string of at most ${DATA_MAX} characters`;
    const lastSuccess = siteDatetime(row.last_success);
    if (lastSuccess === null) return `flows[${index}].last_success is not an ISO 8601 datetime: ${pyRepr(row.last_success)}`;
    seen.add(flow);
    rows.push({ flow, last_success: lastSuccess, topic: topic ?? '' });
  }
  return rows.sort((a, b) => (String(a.flow) < String(b.flow) ? -1 : 1));
}

/** runner_health.parse_runner_health, check for check and message for message. */
export function checkRunnerHealth(raw: unknown): Checked {
  if (!isObject(raw)) return { invalid: 'entry must be an object' };
  const unknown = Object.keys(raw).filter((key) => !KNOWN.has(key)).sort();
  if (unknown.length > 0) return { invalid: `unknown field(s): ${unknown.join(', ')}` };
  const missing = ['runner_name', 'heartbeat_seconds'].filter((key) => raw[key] === undefined || raw[key] === null || raw[key] === '');
  if (missing.length > 0) return { invalid: `missing ${missing.join(', ')}` };
  const fields: Record<string, unknown> = {};
  for (const name of ['runner_name', 'version']) {
    const value = raw[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > DATA_MAX || value.trim() === '') return { invalid: `${name} must be a non-blank string of at most ${DATA_MAX} characters` };
    fields[name] = value.trim();
  }
  if (/[<>]/.test(String(fields.runner_name))) return { invalid: 'runner_name cannot contain < or >' };
  const seconds = raw.heartbeat_seconds;
  if (!isWhole(seconds) || seconds < 1 || seconds > MAX_HEARTBEAT_SECONDS) return { invalid: `heartbeat_seconds must be a whole number from 1 to ${MAX_HEARTBEAT_SECONDS}, not ${pyRepr(seconds)}` };
  fields.heartbeat_seconds = seconds;
  for (const name of COUNT_FIELDS) {
    const value = raw[name];
    if (value === undefined || value === null) continue;
    if (!isWhole(value) || value < 0) return { invalid: `${name} must be a whole number of at least 0, not ${pyRepr(value)}` };
    fields[name] = value;
  }
  if (raw.erpnext_outage !== undefined && raw.erpnext_outage !== null) {
    if (typeof raw.erpnext_outage !== 'boolean') return { invalid: 'erpnext_outage must be true or false' };
    fields.erpnext_outage = raw.erpnext_outage ? 1 : 0;
  }
  // runner_health._shops: [] stores "" (no shop unreachable); absent leaves the stored value alone.
  for (const name of ['shops', 'shopify_outages']) {
    const shops = raw[name];
    if (shops === undefined || shops === null) continue;
    if (!Array.isArray(shops) || !shops.every((shop) => typeof shop === 'string' && shop !== '' && !shop.includes('\n'))) return { invalid: `${name} must be a list of shop domains` };
    fields[name] = shops.join('\n');
  }
  if (raw.started_at !== undefined && raw.started_at !== null) {
    const started = siteDatetime(raw.started_at);
    if (started === null) return { invalid: `started_at is not an ISO 8601 datetime: ${pyRepr(raw.started_at)}` };
    fields.started_at = started;
  }
  const flows = checkFlows(raw.flows === undefined || raw.flows === null ? [] : raw.flows);
  if (typeof flows === 'string') return { invalid: flows };
  return { name: String(fields.runner_name), fields, flows };
}

/** Frappe returns a datetime column as "YYYY-MM-DD HH:MM:SS.ffffff" (runner_health._text). */
const withMicros = (stamp: string): string => (stamp.includes('.') ? stamp : `${stamp}.000000`);

function recordRunnerHealth(ctx: Ctx, raw: unknown): RunnerHealthResult {
  const sentName = isObject(raw) && typeof raw.runner_name === 'string' ? raw.runner_name : null;
  const checked = checkRunnerHealth(raw);
  if ('invalid' in checked) return { runner_name: sentName, name: null, ok: false, result: 'invalid', last_heartbeat: null, message: checked.invalid };
  // The site's clock, never the runner's.
  const fields = { ...checked.fields, last_heartbeat: withMicros(ctx.site.clock.stamp()), flows: checked.flows };
  const exists = ctx.site.store.has('Sync Runner', checked.name);
  const doc = exists ? saveDoc(ctx, 'Sync Runner', checked.name, fields) : insertDoc(ctx, 'Sync Runner', fields);
  return { runner_name: checked.name, name: String(doc.name), ok: true, result: exists ? 'updated' : 'created', last_heartbeat: String(doc.last_heartbeat), message: '' };
}

export const SHOPSYNC_RUNNER_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  'shopsync.api.record_runner_health': {
    verbs: ['POST'],
    // api.py: `raw = frappe.parse_json(entry)`, so a str that is not JSON is a 500 JSONDecodeError.
    run: (ctx: Ctx, args: MethodArgs) => recordRunnerHealth(ctx, frappeParseJson(args.entry)),
  },
};
