import { insertDoc, saveDoc } from '../model/document-service';
import type { Ctx } from '../site/site';
import { isFrappeError } from '../wire/frappe-error';
import { frappeParseJson } from '../wire/python-json-loads';
import type { MethodArgs, WhitelistedMethod } from './method-types';

/**
 * The companion app's `shopsync.api.record_sync_logs`, behaving as frappe_app/shopsync/api.py and
 * log_entries.py do: each entry is checked on its own, upserted by event_id into Sync Log, and gets a
 * per-entry result; the same entry twice is "unchanged"; a late "Received" never undoes a final status.
 */
const STATUSES = ['Received', 'Applied', 'Duplicate', 'Superseded', 'Echo', 'Skipped', 'Failed', 'Shadow'];
const DATA_FIELDS = ['event_id', 'shop', 'topic', 'resource_key', 'webhook_id', 'payload_hash', 'reference_doctype', 'reference_name', 'subject', 'shopify_id', 'shopify_admin_url'];
const KNOWN = new Set([...DATA_FIELDS, 'status', 'reason', 'received_at', 'finished_at', 'evidence']);
const DATA_MAX = 140;

type Result = { event_id: string | null; name: string | null; ok: boolean; result: string; message: string };
const result = (eventId: string | null, name: string | null, outcome: string, message = ''): Result => ({
  event_id: eventId,
  name,
  ok: ['created', 'updated', 'unchanged'].includes(outcome),
  result: outcome,
  message,
});

/** The simulated site runs in UTC, so an instant becomes Frappe's naive "YYYY-MM-DD HH:MM:SS.ffffff". */
export function siteDatetime(value: unknown): string | null {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  return `${new Date(value).toISOString().replace('T', ' ').replace('Z', '')}000`;
}

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedJson((value as Record<string, unknown>)[key])]));
  return value;
}

/** log_entries.json_text: a str is `json.loads`-ed (a ValueError means "not JSON"); only a list or an object is evidence. */
function evidenceJson(value: unknown): unknown {
  let decoded = value;
  try {
    decoded = frappeParseJson(value);
  } catch (error) {
    if (isFrappeError(error)) return null;
    throw error;
  }
  return typeof decoded === 'object' && decoded !== null ? decoded : null;
}

function checkEntry(raw: unknown): { fields: Record<string, unknown> } | { invalid: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { invalid: 'entry must be an object' };
  const entry = raw as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !KNOWN.has(key)).sort();
  if (unknown.length > 0) return { invalid: `unknown field(s): ${unknown.join(', ')}` };
  if (!entry.event_id || !entry.status) return { invalid: `missing ${['event_id', 'status'].filter((key) => !entry[key]).join(', ')}` };
  if (!STATUSES.includes(String(entry.status))) return { invalid: `status '${String(entry.status)}' is not one of ${STATUSES.join(', ')}` };
  const fields: Record<string, unknown> = { status: entry.status };
  for (const name of [...DATA_FIELDS, 'reason']) {
    const value = entry[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { invalid: `${name} must be a string` };
    if (name !== 'reason' && value.length > DATA_MAX) return { invalid: `${name} is longer than ${DATA_MAX} characters` };
    fields[name] = value;
  }
  for (const name of ['received_at', 'finished_at']) {
    if (entry[name] === undefined || entry[name] === null) continue;
    const parsed = siteDatetime(entry[name]);
    if (parsed === null) return { invalid: `${name} is not an ISO 8601 datetime: '${String(entry[name])}'` };
    fields[name] = parsed;
  }
  if (entry.evidence !== undefined && entry.evidence !== null) {
    const evidence = evidenceJson(entry.evidence);
    if (evidence === null) return { invalid: 'evidence must be JSON (an object, a list, or a string holding JSON)' };
    fields.evidence = JSON.stringify(sortedJson(evidence), null, 1);
  }
  return { fields };
}

function recordOne(ctx: Ctx, raw: unknown): Result {
  const eventId = typeof raw === 'object' && raw !== null ? String((raw as { event_id?: unknown }).event_id ?? '') || null : null;
  const checked = checkEntry(raw);
  if ('invalid' in checked) return result(eventId, null, 'invalid', checked.invalid);
  const { fields } = checked;
  // get_value by event_id is a unique-key lookup on a real site; a scan here made each entry cost O(logs).
  const existing = ctx.site.store.where('Sync Log', 'event_id', fields.event_id).find((doc) => doc.event_id === fields.event_id);
  if (existing === undefined) return result(String(fields.event_id), String(insertDoc(ctx, 'Sync Log', fields).name), 'created');
  const updates = Object.fromEntries(Object.entries(fields).filter(([key, value]) => key !== 'event_id' && String(existing[key] ?? '') !== String(value ?? '')));
  if (updates.status === 'Received' && existing.status !== 'Received') delete updates.status;
  if (Object.keys(updates).length === 0) return result(String(fields.event_id), String(existing.name), 'unchanged');
  saveDoc(ctx, 'Sync Log', String(existing.name), updates);
  return result(String(fields.event_id), String(existing.name), 'updated');
}

/**
 * The companion app version this simulator stands for: frappe_app/shopsync/__init__.py's __version__,
 * which test/simulated-app-version.unit.test.ts keeps equal to it.
 */
export const SIMULATED_APP_VERSION = '0.1.0';

export const SHOPSYNC_APP_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  // api.py app_version: GET only, any user who may read Sync Log (the simulated runner user may).
  'shopsync.api.app_version': {
    verbs: ['GET'],
    run: () => ({ app: 'shopsync', version: SIMULATED_APP_VERSION }),
  },
  'shopsync.api.record_sync_logs': {
    verbs: ['POST'],
    run: (ctx: Ctx, args: MethodArgs) => {
      // api.py _entry_list: `frappe.parse_json(entries)`, so a str that is not JSON is a 500 JSONDecodeError.
      const entries = frappeParseJson(args.entries);
      if (!Array.isArray(entries)) ctx.log.throw('entries must be a list');
      return (entries as unknown[]).map((raw) => recordOne(ctx, raw));
    },
  },
};
