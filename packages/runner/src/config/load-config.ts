import { readFileSync } from 'node:fs';
import { ConfigSchema, type Config } from './config-schema';
import { stripComments } from './strip-comments';
import { unknownKeys } from './unknown-keys';

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };
export type StoreConfigResult = { readonly ok: true; readonly store: Config['store'] } | { readonly ok: false; readonly problems: readonly string[] };

const pathOf = (path: readonly PropertyKey[]) => (path.length === 0 ? '(root)' : path.map(String).join('.'));

/**
 * Validates a config object and reports every problem at once, each with its path (STYLE C9):
 * zod's issues and every key the schema does not know. Keys named "//" are comments.
 */
export function parseConfig(input: unknown): ConfigResult {
  const value = stripComments(input);
  const unknown = unknownKeys(ConfigSchema, value);
  const result = ConfigSchema.safeParse(value);
  const problems = [...(result.success ? [] : result.error.issues.map((issue) => `${pathOf(issue.path)}: ${issue.message}`)), ...unknown];
  if (result.success && problems.length === 0) return { ok: true, config: result.data };
  return { ok: false, problems };
}

function readJson(path: string): { ok: true; raw: Record<string, unknown> } | { ok: false; problems: string[] } {
  try {
    return { ok: true, raw: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, problems: [`${path}: ${(error as Error).message}`] };
  }
}

/**
 * The config file is JSON; secrets may instead come from the environment, so the file can be
 * committed: SHOPSYNC_ERPNEXT_API_KEY, SHOPSYNC_ERPNEXT_API_SECRET, and SHOPSYNC_WEBHOOK_SECRETS
 * (comma-separated, applied to every shop that lists none). `env` is the environment as the CLI read
 * it once at start; nothing reads the process environment later.
 */
export function loadConfigFile(path: string, env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const file = readJson(path);
  if (!file.ok) return file;
  const { raw } = file;
  const erpnext = { ...(raw.erpnext as Record<string, unknown> | undefined) };
  if (env.SHOPSYNC_ERPNEXT_API_KEY) erpnext.apiKey = env.SHOPSYNC_ERPNEXT_API_KEY;
  if (env.SHOPSYNC_ERPNEXT_API_SECRET) erpnext.apiSecret = env.SHOPSYNC_ERPNEXT_API_SECRET;
  const envSecrets = env.SHOPSYNC_WEBHOOK_SECRETS?.split(',').filter((secret) => secret.length > 0);
  const shops = Array.isArray(raw.shops)
    ? raw.shops.map((shop: Record<string, unknown>) => (shop.webhookSecrets === undefined && envSecrets ? { ...shop, webhookSecrets: envSecrets } : shop))
    : raw.shops;
  return parseConfig({ ...raw, erpnext, shops });
}

/**
 * Only the `store` section: the operator commands (status, events, failures, replay) need the state
 * file and nothing else, so they work in a shell that does not hold the ERPNext or webhook secrets.
 */
export function loadStoreConfig(path: string): StoreConfigResult {
  const file = readJson(path);
  if (!file.ok) return file;
  const section = stripComments(file.raw.store);
  const result = ConfigSchema.shape.store.safeParse(section);
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue) => `store.${pathOf(issue.path)}`.replace(/\.\(root\)$/, '') + `: ${issue.message}`) };
  const unknown = unknownKeys(ConfigSchema.shape.store, section, ['store']);
  return unknown.length === 0 ? { ok: true, store: result.data } : { ok: false, problems: unknown };
}
