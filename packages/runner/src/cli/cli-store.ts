import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadStoreConfig } from '../config/load-config';
import { composeApp } from '../compose/compose-app';
import type { StoreOnlyConfig } from '../compose/types';
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
    .option('--db <path>', 'the SQLite state file itself, or the PostgreSQL store\'s postgres:// URL, instead of --config');
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Opens the state database for one operator command, runs it, and closes it. It is the same database
 * a running `shopsync serve` uses: SQLite in WAL mode lets both read, and writes wait their turn; a
 * PostgreSQL store (`store.url`) is shared by any number of processes.
 */
export async function withCliStore(options: StoreOptions, ctx: CliContext, run: (store: Store) => Promise<number>): Promise<number> {
  let store: StoreOnlyConfig['store'];
  if (options.db !== undefined) {
    store = POSTGRES_URL.test(options.db) ? { path: options.db, url: options.db } : { path: options.db };
  } else {
    const configPath = options.config ?? ctx.env.SHOPSYNC_CONFIG ?? 'shopsync.json';
    const loaded = loadStoreConfig(configPath);
    if (!loaded.ok) {
      ctx.io.err(`invalid config ${configPath}:\n  ${loaded.problems.join('\n  ')}`);
      return 2;
    }
    const { path, url } = loaded.store;
    store = url === undefined ? { path } : { path, url };
  }
  if (store.url === undefined && !existsSync(store.path)) {
    ctx.io.err(`no state database at ${store.path}: start \`shopsync serve\` with this config first, or pass --db`);
    return 1;
  }
  // Only the store section was read, so the app holds nothing but the store: no secret is needed.
  const app = composeApp({ store });
  try {
    return await run(app.store);
  } finally {
    await app.close();
  }
}
