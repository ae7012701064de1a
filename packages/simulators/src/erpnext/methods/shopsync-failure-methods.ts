import { insertDoc, saveDoc } from '../model/document-service';
import type { Ctx } from '../site/site';
import { frappeParseJson } from '../wire/python-json-loads';
import type { MethodArgs, WhitelistedMethod } from './method-types';
import { siteDatetime } from './shopsync-app-methods';

/**
 * The companion app's `shopsync.api.record_sync_failures`, behaving as frappe_app/shopsync/api.py and
 * failure_entries.py do: each runner failure is upserted by failure_key into Sync Failure, its status
 * is brought to the runner's state through the steps of the app's status machine (rules.py), and the
 * answer carries the row's status and the action an operator requested in the Desk.
 */
const STATES = ['open', 'retrying', 'resolved', 'ignored'] as const;
type RunnerState = (typeof STATES)[number];
const CATEGORIES = ['transient', 'rate_limited', 'auth', 'mapping', 'validation', 'conflict', 'drift', 'internal'];
const DATA_FIELDS = ['failure_key', 'code', 'event_id', 'topic', 'shop', 'resource_key', 'reference_doctype', 'reference_name', 'subject', 'shopify_id', 'shopify_admin_url'];
const DATA_MAX = 140;
const KNOWN = new Set(['state', ...DATA_FIELDS, 'category', 'message', 'suggested_action', 'retry_safe', 'attempts', 'first_seen', 'last_seen', 'details']);

/** rules.py TRANSITIONS walked from a status to the one the runner's state implies (failure_entries.reconcile_actions). */
const RECONCILE: Record<RunnerState, Record<string, readonly string[]>> = {
  open: { Open: [], 'Retry Requested': [], Retrying: ['Open'], Resolved: ['Open'], Ignored: [] },
  retrying: { Open: ['Retry Requested', 'Retrying'], 'Retry Requested': ['Retrying'], Retrying: [], Resolved: ['Retry Requested', 'Retrying'], Ignored: ['Retry Requested', 'Retrying'] },
  resolved: { Open: ['Resolved'], 'Retry Requested': ['Retrying', 'Resolved'], Retrying: ['Resolved'], Resolved: [], Ignored: [] },
  ignored: { Open: ['Ignored'], 'Retry Requested': ['Ignored'], Retrying: ['Open', 'Ignored'], Resolved: [], Ignored: [] },
};

interface Result {
  failure_key: string | null;
  name: string | null;
  ok: boolean;
  result: string;
  status: string | null;
  requested_action: string | null;
  message: string;
}

function answer(key: string | null, doc: Record<string, unknown> | null, outcome: string, message = ''): Result {
  const requested = doc === null ? '' : String(doc.requested_action ?? '');
  return {
    failure_key: key,
    name: doc === null ? null : String(doc.name),
    ok: ['created', 'updated', 'unchanged', 'skipped'].includes(outcome),
    result: outcome,
    status: doc === null ? null : String(doc.status),
    requested_action: requested === '' ? null : requested,
    message,
  };
}

function checkEntry(raw: unknown): { state: RunnerState; fields: Record<string, unknown> } | { invalid: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { invalid: 'entry must be an object' };
  const entry = raw as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !KNOWN.has(key)).sort();
  if (unknown.length > 0) return { invalid: `unknown field(s): ${unknown.join(', ')}` };
  const missing = ['failure_key', 'state', 'code', 'category', 'message'].filter((key) => !entry[key]);
  if (missing.length > 0) return { invalid: `missing ${missing.join(', ')}` };
  if (!STATES.includes(entry.state as RunnerState)) return { invalid: `state '${String(entry.state)}' is not one of ${STATES.join(', ')}` };
  if (!CATEGORIES.includes(String(entry.category))) return { invalid: `category '${String(entry.category)}' is not one of ${CATEGORIES.join(', ')}` };
  const fields: Record<string, unknown> = { category: entry.category, message: String(entry.message) };
  // An absent field leaves the row's value as it is (failure_entries.py).
  if (typeof entry.retry_safe === 'boolean') fields.retry_safe = entry.retry_safe ? 1 : 0;
  if (typeof entry.attempts === 'number') fields.attempts = entry.attempts;
  if (typeof entry.suggested_action === 'string') fields.suggested_action = entry.suggested_action;
  for (const name of DATA_FIELDS) {
    const value = entry[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > DATA_MAX) return { invalid: `${name} must be a string of at most ${DATA_MAX} characters` };
    fields[name] = value;
  }
  for (const name of ['first_seen', 'last_seen']) {
    if (entry[name] === undefined || entry[name] === null) continue;
    const parsed = siteDatetime(entry[name]);
    if (parsed === null) return { invalid: `${name} is not an ISO 8601 datetime: '${String(entry[name])}'` };
    fields[name] = parsed;
  }
  if (entry.details !== undefined && entry.details !== null) {
    if (typeof entry.details !== 'object' || Array.isArray(entry.details)) return { invalid: 'details must be a JSON object' };
    fields.details = JSON.stringify(entry.details, null, 1);
  }
  return { state: entry.state as RunnerState, fields };
}

/** Walks the row through the status machine's steps; Retry Requested records the runner's requeue. */
function reconcile(ctx: Ctx, name: string, from: string, state: RunnerState): boolean {
  const steps = RECONCILE[state][from] ?? [];
  for (const status of steps) saveDoc(ctx, 'Sync Failure', name, status === 'Retry Requested' ? { status, requested_action: 'Requeue' } : { status });
  return steps.length > 0;
}

function recordOne(ctx: Ctx, raw: unknown): Result {
  const key = typeof raw === 'object' && raw !== null ? String((raw as { failure_key?: unknown }).failure_key ?? '') || null : null;
  const checked = checkEntry(raw);
  if ('invalid' in checked) return answer(key, null, 'invalid', checked.invalid);
  const { state, fields } = checked;
  // get_value by failure_key is a unique-key lookup on a real site, not a copy of every failure.
  const find = () => ctx.site.store.where('Sync Failure', 'failure_key', fields.failure_key).find((doc) => doc.failure_key === fields.failure_key);
  const existing = find();
  if (existing === undefined) {
    if (state === 'resolved' || state === 'ignored') return answer(key, null, 'skipped', 'nothing open to record');
    const created = insertDoc(ctx, 'Sync Failure', { ...fields, status: 'Open' });
    reconcile(ctx, String(created.name), 'Open', state);
    return answer(key, find() ?? null, 'created');
  }
  const updates = Object.fromEntries(
    Object.entries(fields).filter(([field, value]) => field !== 'failure_key' && !(field === 'first_seen' && existing.first_seen) && String(existing[field] ?? '') !== String(value ?? '')),
  );
  if (Object.keys(updates).length > 0) saveDoc(ctx, 'Sync Failure', String(existing.name), updates);
  const moved = reconcile(ctx, String(existing.name), String(existing.status), state);
  return answer(key, find() ?? null, Object.keys(updates).length > 0 || moved ? 'updated' : 'unchanged');
}

export const SHOPSYNC_FAILURE_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  'shopsync.api.record_sync_failures': {
    verbs: ['POST'],
    run: (ctx: Ctx, args: MethodArgs) => {
      // api.py _entry_list: `frappe.parse_json(entries)`, so a str that is not JSON is a 500 JSONDecodeError.
      const entries = frappeParseJson(args.entries);
      if (!Array.isArray(entries)) ctx.log.throw('entries must be a list');
      return (entries as unknown[]).map((raw) => recordOne(ctx, raw));
    },
  },
};
