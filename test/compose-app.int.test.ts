import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { composeApp, parseConfig, type Config } from '@shopsync/runner';

// The composition root builds each thing once, on first use (issue 12): one ERPNext client (one
// request queue against the site), one Shopify client per shop (one cost bucket), the store only when
// a command touches it, and serve's /readyz probe clients apart from those, also once per shop.

const SHOP = 'compose.myshopify.com';
const NO_TOKEN = 'webhooks-only.myshopify.com';

function configFor(statePath: string, apiBaseUrl = 'http://127.0.0.1:9'): Config {
  const parsed = parseConfig({
    shops: [
      { domain: SHOP, webhookSecrets: ['s'], accessToken: 'shpat_compose', apiBaseUrl },
      { domain: NO_TOKEN, webhookSecrets: ['s'] },
    ],
    erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
    store: { path: statePath },
    server: { readyTimeoutMs: 300 },
    mapping: DEMO_MAPPING,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

const statePath = () => join(mkdtempSync(join(tmpdir(), 'shopsync-compose-')), 'state.sqlite');

describe('composeApp', () => {
  test('one ERPNext client, one Shopify client per shop, null for an unknown shop or one without a token', async () => {
    const app = composeApp(configFor(statePath()));
    expect(app.erpnext).toBe(app.erpnext);
    const shopify = app.shopify(SHOP);
    expect(shopify).not.toBeNull();
    expect(app.shopify(SHOP)).toBe(shopify);
    expect(app.shopify('unknown.myshopify.com')).toBeNull();
    expect(app.shopify(NO_TOKEN)).toBeNull();
    expect(app.logger).toBe(app.logger);
    await app.close();
  });

  test('the store is opened on first use only, and then reused', async () => {
    const path = statePath();
    const app = composeApp(configFor(path));
    void app.erpnext;
    void app.shopify(SHOP);
    expect(existsSync(path)).toBe(false);
    const store = app.store;
    expect(existsSync(path)).toBe(true);
    expect(app.store).toBe(store);
    await app.close();
  });

  test('closing an app whose store was never used opens nothing', async () => {
    const path = statePath();
    await composeApp(configFor(path)).close();
    expect(existsSync(path)).toBe(false);
  });

  test("the /readyz probe's client is memoized, apart from the shop's client, null where that is", async () => {
    const app = composeApp(configFor(statePath()));
    const probe = app.shopifyProbe(SHOP);
    expect(probe).not.toBeNull();
    expect(app.shopifyProbe(SHOP)).toBe(probe);
    expect(probe).not.toBe(app.shopify(SHOP));
    expect(app.shopifyProbe(NO_TOKEN)).toBeNull();
    expect(app.shopifyProbe('unknown.myshopify.com')).toBeNull();
    await app.close();
  });

  describe('against an Admin API that never answers', () => {
    let server: Server;
    let hits = 0;
    let url = '';
    beforeAll(async () => {
      server = createServer(() => {
        hits += 1; // never answered: each request waits for the client's timeout
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    test('the probe gives up after server.readyTimeoutMs, without a retry', async () => {
      const app = composeApp(configFor(statePath(), url));
      const started = Date.now();
      await expect(app.shopifyProbe(SHOP)!.shop()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hits).toBe(1);
      await app.close();
    });
  });

  test('log lines go to the destination given', async () => {
    const lines: string[] = [];
    const app = composeApp(configFor(statePath()), { logDestination: { write: (line: string) => void lines.push(line) } });
    app.logger.warn({ config: app.config }, 'compose.test');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('compose.test');
    expect(lines[0]).not.toContain('shpat_compose');
    await app.close();
  });
});
