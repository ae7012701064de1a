import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { runCli } from './support/cli-harness';
import { startSimWithCustomFields } from './support/erpnext-custom-fields';
import type { RunningSim } from './support/erpnext-sim';
import { writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// The real binary: `shopsync doctor` exits 1 while webhook topics are missing, `--fix` subscribes
// them, and the Shopify token comes from the environment (never from the file) without being printed.

const TOKEN = 'shpat_doctor_binary_7f3a';

describe('shopsync doctor (binary)', () => {
  const dir = useTempDir();
  let erp: RunningSim;
  let shopify: ShopifySimulator;

  afterEach(async () => {
    await shopify.close();
    await erp.sim.close();
  });

  test('exit 1 with the problem and its fix, then --fix, then exit 0', async () => {
    erp = await startSimWithCustomFields(dir());
    shopify = createShopifySimulator({ seed: 8, accessToken: TOKEN });
    const config = writeSimConfig(dir(), { erpnext: erp.url, shopify: (await shopify.listen()).url });
    const env = { SHOPSYNC_SHOPIFY_ACCESS_TOKEN: TOKEN };
    const first = await runCli(['doctor', '--config', config], { env });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/PROBLEM {2}shopify\.webhooks \(shopsync-demo\.myshopify\.com\): 11 topics do not deliver/);
    expect(first.stdout).toContain('fix: Run `shopsync doctor --fix`');
    expect(first.stdout.trim().endsWith('1 problem found')).toBe(true);
    const fixed = await runCli(['doctor', '--config', config, '--fix', '--json'], { env });
    expect([fixed.code, (JSON.parse(fixed.stdout) as { ok: boolean }).ok]).toEqual([0, true]);
    expect((await runCli(['doctor', '--config', config], { env })).code).toBe(0);
    expect(first.stdout + fixed.stdout + first.stderr).not.toContain(TOKEN);
    // Three runs of the real binary, each a Node process compiling TypeScript: seconds, not milliseconds.
  }, 20_000);
});
