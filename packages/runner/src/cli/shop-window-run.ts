import type { Config, ShopConfig } from '../config/config-schema';
import { backfillWindow } from './backfill-window';
import type { CliContext } from './cli-context';
import { loadFullConfig } from './full-config';

export interface ShopWindowOptions {
  readonly since: string;
  readonly until?: string;
  readonly shop?: string;
  readonly config?: string;
}

export interface ShopWindowRun {
  readonly config: Config;
  readonly since: string;
  readonly until: string | null;
  readonly shops: readonly ShopConfig[];
}

function selectShops(config: Config, only: string | undefined): { shops: ShopConfig[]; problems: string[] } {
  const shops = config.shops.filter((shop) => only === undefined || shop.domain === only.toLowerCase());
  const problems = [
    ...(shops.length === 0 ? [`--shop ${only}: not a configured shop (${config.shops.map((s) => s.domain).join(', ')})`] : []),
    ...shops.filter((shop) => shop.accessToken === undefined).map((shop) => `${shop.domain}: no Admin API access token (set SHOPSYNC_SHOPIFY_ACCESS_TOKEN or shops[].accessToken)`),
  ];
  return { shops, problems };
}

/**
 * What backfill and reconcile both start from: the config, the --since/--until window and the shops
 * (each with an Admin API token). Every problem is reported at once on stderr; null means exit 2.
 */
export function shopWindowRun(command: string, options: ShopWindowOptions, ctx: CliContext): ShopWindowRun | null {
  const window = backfillWindow(options.since, options.until);
  const config = loadFullConfig(options.config, ctx);
  const selected = config === null ? { shops: [], problems: [] } : selectShops(config, options.shop);
  const problems = [...(window.ok ? [] : [window.problem]), ...selected.problems];
  if (problems.length > 0) ctx.io.err(`${command}:\n  ${problems.join('\n  ')}`);
  if (config === null || !window.ok || problems.length > 0) return null;
  return { config, since: window.since, until: window.until, shops: selected.shops };
}
