import { readFileSync } from 'node:fs';
import { ConfigSchema, type Config } from './config-schema';
import { stripComments } from './strip-comments';
import { unknownKeys } from './unknown-keys';

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };
export type StoreConfigResult = { readonly ok: true; readonly store: Config['store'] } | { readonly ok: false; readonly problems: readonly string[] };
export type MappingConfigResult = { readonly ok: true; readonly mapping: Config['mapping'] } | { readonly ok: false; readonly problems: readonly string[] };

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
 * The Shopify Admin access token from the environment: it fills `accessToken` of the only shop. With
 * several shops it cannot say whose it is, so that is a problem (reported with the others) and each
 * shop's token goes in the file instead.
 */
function withAccessToken(shops: unknown, token: string | undefined): { shops: unknown; problems: string[] } {
  if (!token || !Array.isArray(shops)) return { shops, problems: [] };
  if (shops.length !== 1) {
    return { shops, problems: [`SHOPSYNC_SHOPIFY_ACCESS_TOKEN: applies only when one shop is configured, ${shops.length} are; set shops[].accessToken for each instead`] };
  }
  const [shop] = shops as Array<Record<string, unknown>>;
  return { shops: [shop?.accessToken === undefined ? { ...shop, accessToken: token } : shop], problems: [] };
}

/**
 * The config file is JSON; secrets may instead come from the environment, so the file can be
 * committed: SHOPSYNC_ERPNEXT_API_KEY, SHOPSYNC_ERPNEXT_API_SECRET, SHOPSYNC_WEBHOOK_SECRETS
 * (comma-separated, applied to every shop that lists none) and SHOPSYNC_SHOPIFY_ACCESS_TOKEN (the
 * one shop's Admin API token). `env` is the environment as the CLI read it once at start; nothing
 * reads the process environment later.
 */
export function loadConfigFile(path: string, env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const file = readJson(path);
  if (!file.ok) return file;
  const { raw } = file;
  const erpnext = { ...(raw.erpnext as Record<string, unknown> | undefined) };
  if (env.SHOPSYNC_ERPNEXT_API_KEY) erpnext.apiKey = env.SHOPSYNC_ERPNEXT_API_KEY;
  if (env.SHOPSYNC_ERPNEXT_API_SECRET) erpnext.apiSecret = env.SHOPSYNC_ERPNEXT_API_SECRET;
  const envSecrets = env.SHOPSYNC_WEBHOOK_SECRETS?.split(',').map((secret) => secret.trim()).filter((secret) => secret.length > 0);
  // Set but empty (an unfilled .env line) would surface as "shops.0.webhookSecrets: Too small": name the variable.
  const envProblems = envSecrets !== undefined && envSecrets.length === 0 ? ['SHOPSYNC_WEBHOOK_SECRETS: is set but holds no secret; give the app\'s client secret(s), comma-separated, newest first'] : [];
  const withSecrets = Array.isArray(raw.shops)
    ? raw.shops.map((shop: Record<string, unknown>) => (shop.webhookSecrets === undefined && envSecrets !== undefined && envSecrets.length > 0 ? { ...shop, webhookSecrets: envSecrets } : shop))
    : raw.shops;
  const token = withAccessToken(withSecrets, env.SHOPSYNC_SHOPIFY_ACCESS_TOKEN);
  const result = parseConfig({ ...raw, erpnext, shops: token.shops });
  const extra = [...envProblems, ...token.problems];
  if (extra.length === 0) return result;
  // The variable's own sentence replaces zod's "shops.N.webhookSecrets: Required" it would cause.
  const fromSchema = result.ok ? [] : result.problems.filter((problem) => envProblems.length === 0 || !/^shops\.\d+\.webhookSecrets:/.test(problem));
  return { ok: false, problems: [...fromSchema, ...extra] };
}

type SectionResult<K extends 'store' | 'mapping'> = { readonly ok: true; readonly value: Config[K] } | { readonly ok: false; readonly problems: readonly string[] };

/** One section of the file, validated alone with its problems named by their full path. */
function loadSection<K extends 'store' | 'mapping'>(path: string, key: K): SectionResult<K> {
  const file = readJson(path);
  if (!file.ok) return file;
  const section = stripComments(file.raw[key]);
  const schema = ConfigSchema.shape[key];
  const result = schema.safeParse(section);
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue) => `${key}.${pathOf(issue.path)}`.replace(/\.\(root\)$/, '') + `: ${issue.message}`) };
  const unknown = unknownKeys(schema, section, [key]);
  return unknown.length === 0 ? { ok: true, value: result.data as Config[K] } : { ok: false, problems: unknown };
}

/**
 * Only the `store` section: the operator commands (status, events, failures, replay) need the state
 * file and nothing else, so they work in a shell that does not hold the ERPNext or webhook secrets.
 */
export function loadStoreConfig(path: string): StoreConfigResult {
  const result = loadSection(path, 'store');
  return result.ok ? { ok: true, store: result.value } : result;
}

/** Only the `mapping` section: `plan` reads the ERPNext mapping and talks to nothing, so it needs no secret. */
export function loadMappingConfig(path: string): MappingConfigResult {
  const result = loadSection(path, 'mapping');
  return result.ok ? { ok: true, mapping: result.value } : result;
}
