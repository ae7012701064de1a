import { runCli } from './support/cli-harness';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';
import { writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// The real binary: `shopsync backfill --since` prints progress on stderr and a summary on stdout, or
// one JSON object with --json; a second run enqueues nothing.

describe('shopsync backfill (binary)', () => {
  const dir = useTempDir();
  let shop: BackfillShop;

  afterEach(async () => shop.close());

  test('progress and summary, then --json on a second run', async () => {
    shop = await startBackfillShop();
    shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001' }] });
    shop.sim.driver.createOrder({ customer: null, lines: [{ sku: 'SKU-1002' }], financialStatus: 'pending' });
    await shop.drain();
    const config = writeSimConfig(dir(), { erpnext: 'http://127.0.0.1:9', shopify: shop.url });
    const env = { SHOPSYNC_SHOPIFY_ACCESS_TOKEN: SIM_TOKEN };
    const first = await runCli(['backfill', '--config', config, '--since', '2026-11-01'], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^backfill shopsync-demo\.myshopify\.com: 2\/2 orders read \([\d.]+\/s\), 2 enqueued$/m);
    expect(first.stdout).toContain('orders updated since 2026-11-01T00:00:00.000Z: 2');
    const second = await runCli(['backfill', '--config', config, '--since', '2026-11-01', '--json'], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toMatchObject({ scanned: 2, enqueued: 0, alreadyKnown: 2 });
    // Two cold starts of the binary under tsx: about 1.5 s each on an idle 2-core machine, more when busy.
  }, 30_000);
});
