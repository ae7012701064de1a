import { join } from 'node:path';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, type Config, type Runner, type Store } from '@shopsync/runner';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';

export const WEBHOOK_SECRET = 'e2e-webhook-secret';
const ERP_KEY = 'e2e-key';
const ERP_SECRET = 'e2e-secret';

export interface RunnerUnderTest {
  readonly runner: Runner;
  readonly store: Store;
  readonly url: string;
  readonly webhookUrl: string;
  stop(): Promise<void>;
}

export interface Harness {
  readonly erp: ErpnextSimulator;
  readonly erpUrl: string;
  /** A client of the ERPNext simulator, for a test's own setup (stock, masters) as an operator would make it. */
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  readonly primary: RunnerUnderTest;
  /** Another runner with its own, empty state, against the same ERPNext (a second host, or a lost disk). */
  startRunner(stateFile: string): Promise<RunnerUnderTest>;
  stop(): Promise<void>;
}

function configFor(erpUrl: string, shop: string, statePath: string, mapping: Partial<Config['mapping']>, worker: Partial<Config['worker']>): Config {
  const parsed = parseConfig({
    shops: [{ domain: shop, webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: statePath, synchronous: 'NORMAL' },
    server: { port: 0 },
    worker: { concurrency: 4, pollMs: 20, baseDelayMs: 10, maxDelayMs: 50, ...worker },
    mapping: { ...DEMO_MAPPING, ...mapping },
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

/** Both simulators and a runner, all over real HTTP on loopback, with state in `dir`. */
export async function startHarness(dir: string, faults: { duplicateRate?: number } = {}, mapping: Partial<Config['mapping']> = {}, worker: Partial<Config['worker']> = {}): Promise<Harness> {
  const erp = createErpnextSimulator({ apiKey: ERP_KEY, apiSecret: ERP_SECRET });
  const { url: erpUrl } = await erp.listen(0);
  const shopify = createShopifySimulator({ seed: 7, webhookSecret: WEBHOOK_SECRET, timeScale: 1e6, faults: { duplicateRate: faults.duplicateRate ?? 0 } });
  const running: RunnerUnderTest[] = [];

  async function startRunner(stateFile: string): Promise<RunnerUnderTest> {
    const config = configFor(erpUrl, shopify.shop.domain, join(dir, stateFile), mapping, worker);
    const store = openSqliteStore({ path: config.store.path, synchronous: 'NORMAL' });
    const erpnext = createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET });
    const runner = createRunner({ config, store, erpnext, logger: createLogger({ level: 'silent' }), jitter: () => 0.5 });
    const url = await runner.start();
    const handle = {
      runner,
      store,
      url,
      webhookUrl: `${url}${config.server.webhookPath}`,
      stop: async () => {
        await runner.stop();
        await store.close();
      },
    };
    running.push(handle);
    return handle;
  }

  const primary = await startRunner('primary.sqlite');
  return {
    erp,
    erpUrl,
    erpnext: createErpnextClient({ baseUrl: erpUrl, apiKey: ERP_KEY, apiSecret: ERP_SECRET }),
    shopify,
    primary,
    startRunner,
    async stop() {
      for (const handle of running) await handle.stop();
      await shopify.close();
      await erp.close();
    },
  };
}

/**
 * A harness per test (started in beforeEach, stopped in afterEach) whose runner is subscribed to
 * `topics`, with every webhook delivered twice; `settle` waits until Shopify has delivered everything
 * and the runner has applied it.
 */
export function useSubscribedHarness(dir: () => string, topics: readonly string[], mapping: Partial<Config['mapping']> = {}): { harness: () => Harness; settle: () => Promise<void> } {
  let current: Harness | undefined;
  const harness = (): Harness => {
    if (current === undefined) throw new Error('the harness starts in beforeEach');
    return current;
  };
  beforeEach(async () => {
    current = await startHarness(dir(), { duplicateRate: 1 }, mapping);
    for (const topic of topics) current.shopify.webhooks.subscribe({ topic, address: current.primary.webhookUrl });
  });
  afterEach(async () => harness().stop());
  const settle = async (): Promise<void> => {
    await harness().shopify.webhooks.drain();
    await harness().primary.runner.drained();
  };
  return { harness, settle };
}
