import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadStoreConfig } from '../config/load-config';
import { composeApp } from '../compose/compose-app';
import type { Store } from '../store/store';
import type { CliContext } from './cli-context';

export interface StoreOptions {
  readonly config?: string;
  readonly db?: string;
}

/** The options every operator command takes to find the state database. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file; only its "store" section is read (default: $SHOPSYNC_CONFIG or ./shopsync.json)')
    .option('--db <path>', 'the SQLite state file itself, instead of --config');
}

/**
 * Opens the state database for one operator command, runs it, and closes it. It is the same file a
 * running `shopsync serve` uses: SQLite in WAL mode lets both read, and writes wait their turn.
 */
export async function withCliStore(options: StoreOptions, ctx: CliContext, run: (store: Store) => Promise<number>): Promise<number> {
  let path = options.db;
  if (path === undefined) {
    const configPath = options.config ?? ctx.env.SHOPSYNC_CONFIG ?? 'shopsync.json';
    const loaded = loadStoreConfig(configPath);
    if (!loaded.ok) {
      ctx.io.err(`invalid config ${configPath}:\n  ${loaded.problems.join('\n  ')}`);
      return 2;
    }
    path = loaded.store.path;
  }
  if (!existsSync(path)) {
    ctx.io.err(`no state database at ${path}: start \`shopsync serve\` with this config first, or pass --db`);
    return 1;
  }
  // Only the store section was read, so the app holds nothing but the store: no secret is needed.
  const app = composeApp({ store: { path } });
  try {
    return await run(app.store);
  } finally {
    await app.close();
  }
}
