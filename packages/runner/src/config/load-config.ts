import { readFileSync } from 'node:fs';
import { ConfigSchema, type Config } from './config-schema';

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };

/** Validates a config object and reports every problem at once, each with its path (STYLE C9). */
export function parseConfig(input: unknown): ConfigResult {
  const result = ConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`),
  };
}

/**
 * The config file is JSON; secrets may instead come from the environment, so the file can be
 * committed: SHOPSYNC_ERPNEXT_API_KEY, SHOPSYNC_ERPNEXT_API_SECRET, and SHOPSYNC_WEBHOOK_SECRETS
 * (comma-separated, applied to every shop that lists none). Read once, at start.
 */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv): ConfigResult {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, problems: [`${path}: ${(error as Error).message}`] };
  }
  const erpnext = { ...(raw.erpnext as Record<string, unknown> | undefined) };
  if (env.SHOPSYNC_ERPNEXT_API_KEY) erpnext.apiKey = env.SHOPSYNC_ERPNEXT_API_KEY;
  if (env.SHOPSYNC_ERPNEXT_API_SECRET) erpnext.apiSecret = env.SHOPSYNC_ERPNEXT_API_SECRET;
  const envSecrets = env.SHOPSYNC_WEBHOOK_SECRETS?.split(',').filter((secret) => secret.length > 0);
  const shops = Array.isArray(raw.shops)
    ? raw.shops.map((shop: Record<string, unknown>) => (shop.webhookSecrets === undefined && envSecrets ? { ...shop, webhookSecrets: envSecrets } : shop))
    : raw.shops;
  return parseConfig({ ...raw, erpnext, shops });
}
