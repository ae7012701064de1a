import { loadConfigFile } from '../config/load-config';
import type { Config } from '../config/config-schema';
import type { CliContext } from './cli-context';

/**
 * The whole config (file + environment), for commands that talk to ERPNext or Shopify: doctor and
 * backfill. Problems are printed together; null means exit 2.
 */
export function loadFullConfig(file: string | undefined, ctx: CliContext): Config | null {
  const path = file ?? ctx.env.SHOPSYNC_CONFIG ?? 'shopsync.json';
  const loaded = loadConfigFile(path, ctx.env);
  if (loaded.ok) return loaded.config;
  ctx.io.err(`invalid config ${path}:\n  ${loaded.problems.join('\n  ')}`);
  return null;
}
