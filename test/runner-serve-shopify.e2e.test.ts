import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startServe } from './support/runner-process';
import { useTempDir } from './support/temp-dir';

// `shopsync serve` with Shopify Admin credentials: /readyz probes the shop (the `shop` query), names
// it when it is down, and the token never appears in the log.

const TOKEN = 'shpat_serve_probe_51c0e9';
const SHOP = 'shopsync-demo.myshopify.com';

interface Ready {
  httpStatus: number;
  down: string[];
  checks: Record<string, string>;
}

describe('serve probes Shopify when credentials are configured', () => {
  const dir = useTempDir();
  let shopify: ShopifySimulator;
  let shopifyUrl: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    shopify = createShopifySimulator({ seed: 3, accessToken: TOKEN });
    shopifyUrl = (await shopify.listen()).url;
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await shopify.close();
  });

  async function readyzWith(token: string): Promise<{ ready: Ready; stdout: string }> {
    const config = join(dir(), 'shopsync.json');
    writeFileSync(config, JSON.stringify({ shops: [{ domain: SHOP, apiBaseUrl: shopifyUrl }], erpnext: { url: 'http://127.0.0.1:9' }, store: { path: join(dir(), 'state.sqlite') }, server: { port: 0 }, mapping: DEMO_MAPPING }));
    const env = { PATH: process.env.PATH ?? '', SHOPSYNC_ERPNEXT_API_KEY: 'k', SHOPSYNC_ERPNEXT_API_SECRET: 's', SHOPSYNC_WEBHOOK_SECRETS: 'w', SHOPSYNC_SHOPIFY_ACCESS_TOKEN: token };
    const { child, url, output } = await startServe(config, env);
    children.push(child);
    const response = await fetch(`${url}/readyz`);
    const ready = { ...((await response.json()) as Omit<Ready, 'httpStatus'>), httpStatus: response.status };
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    return { ready, stdout: output() };
  }

  test('a working token: the shop probe is ok (ERPNext is what is down here)', async () => {
    const { ready, stdout } = await readyzWith(TOKEN);
    expect(ready).toMatchObject({ httpStatus: 503, down: ['erpnext'], checks: { store: 'ok', [`shopify:${SHOP}`]: 'ok' } });
    expect(stdout).toContain('"accessToken":"[redacted]"');
    expect(stdout).not.toContain(TOKEN);
  });

  test('a revoked token: /readyz names the shop as down', async () => {
    const { ready, stdout } = await readyzWith('shpat_revoked_0000');
    expect(ready).toMatchObject({ httpStatus: 503, down: ['erpnext', `shopify:${SHOP}`] });
    expect(ready.checks[`shopify:${SHOP}`]).toMatch(/401|access token|auth/i);
    expect(stdout).not.toContain('shpat_revoked_0000');
  });
});
