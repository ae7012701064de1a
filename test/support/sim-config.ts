import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type ConfigInput, type ErpnextPort, type InboxCounts, type Store } from '@shopsync/runner';
import { SIM_KEY, SIM_SECRET } from './erpnext-sim';

export const SIM_SHOP = 'shopsync-demo.myshopify.com';

/**
 * A config file for both simulators, as an operator would write it for a real site: the demo mapping,
 * the Shopify token and the simulator's API base URL. `patch` replaces whole top-level sections.
 */
export function writeSimConfig(dir: string, urls: { erpnext: string; shopify: string; accessToken?: string }, patch: Partial<ConfigInput> = {}): string {
  const file = join(dir, 'shopsync.json');
  const config: ConfigInput = {
    shops: [{ domain: SIM_SHOP, webhookSecrets: ['sim-webhook-secret'], ...(urls.accessToken === undefined ? {} : { accessToken: urls.accessToken }), apiBaseUrl: urls.shopify }],
    webhookAddress: 'http://127.0.0.1:8787/webhooks/shopify',
    erpnext: { url: urls.erpnext, apiKey: SIM_KEY, apiSecret: SIM_SECRET },
    store: { path: join(dir, 'state.sqlite') },
    mapping: DEMO_MAPPING,
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'silent' },
    ...patch,
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Opens the state file a config written by writeSimConfig names, runs `read`, and closes it again. */
export async function withConfiguredStore<T>(configFile: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ path: (JSON.parse(readFileSync(configFile, 'utf8')) as { store: { path: string } }).store.path });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/**
 * Starts a runner on that config (mirroring off), waits until every stored event is terminal, stops
 * it, and returns the inbox counts. Its clock stands a minute after `enqueuedAt`, when a CLI run
 * enqueued the events.
 */
export async function drainWithRunner(configFile: string, erpnext: ErpnextPort, enqueuedAt: Date): Promise<InboxCounts> {
  const parsed = parseConfig({ ...JSON.parse(readFileSync(configFile, 'utf8')), server: { port: 0 }, worker: { pollMs: 20 }, mirror: { syncLogs: false, syncFailures: false } });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return withConfiguredStore(configFile, async (store) => {
    const runner = createRunner({ config: parsed.config, store, erpnext, logger: createLogger({ level: 'silent' }), processMetrics: false, now: () => new Date(enqueuedAt.getTime() + 60_000) });
    await runner.start();
    await runner.drained();
    await runner.stop();
    return store.counts();
  });
}
