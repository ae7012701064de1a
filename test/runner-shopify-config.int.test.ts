import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, loadConfigFile, parseConfig } from '@shopsync/runner';
import { useTempDir } from './support/temp-dir';

// The Shopify Admin API settings: a token per shop (a secret, from the environment when there is one
// shop), the API base URL (the simulator's), and the public webhook address doctor checks.

const TOKEN = 'shpat_config_9d2e71c4';
const BASE = {
  shops: [{ domain: 'acme.myshopify.com', webhookSecrets: ['s'] }],
  erpnext: { url: 'https://erp.example.com', apiKey: 'k', apiSecret: 's' },
  store: { path: 'state.sqlite' },
  mapping: DEMO_MAPPING,
};

describe('Shopify settings in the config', () => {
  const dir = useTempDir();
  const write = (config: unknown) => {
    const file = join(dir(), 'shopsync.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  };

  test('SHOPSYNC_SHOPIFY_ACCESS_TOKEN fills the one shop\'s token; a token in the file is kept; none is fine for webhooks alone', () => {
    const fromEnv = loadConfigFile(write(BASE), { SHOPSYNC_SHOPIFY_ACCESS_TOKEN: TOKEN });
    expect(fromEnv.ok && fromEnv.config.shops[0]?.accessToken).toBe(TOKEN);
    const inFile = loadConfigFile(write({ ...BASE, shops: [{ ...BASE.shops[0], accessToken: 'shpat_file' }] }), { SHOPSYNC_SHOPIFY_ACCESS_TOKEN: TOKEN });
    expect(inFile.ok && inFile.config.shops[0]?.accessToken).toBe('shpat_file');
    const none = loadConfigFile(write(BASE), {});
    expect(none.ok && [none.config.shops[0]?.accessToken, none.config.shops[0]?.apiBaseUrl, none.config.webhookAddress]).toEqual([undefined, undefined, undefined]);
  });

  test('with several shops the environment token is refused, reported together with every other problem', () => {
    const config = {
      ...BASE,
      shops: [...BASE.shops, { domain: 'beta.myshopify.com', webhookSecrets: ['t'], apiBaseUrl: 'not a url' }],
      webhookAddress: 'http://sync.example.com/webhooks/shopify',
    };
    const result = loadConfigFile(write(config), { SHOPSYNC_SHOPIFY_ACCESS_TOKEN: TOKEN });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^shops\.1\.apiBaseUrl: /),
      'webhookAddress: must be an https:// URL (Shopify delivers only to HTTPS; http:// is accepted on loopback only)',
      'SHOPSYNC_SHOPIFY_ACCESS_TOKEN: applies only when one shop is configured, 2 are; set shops[].accessToken for each instead',
    ]);
  });

  test('webhookAddress: https anywhere, http on loopback only (the simulator and tests)', () => {
    const address = (webhookAddress: string) => parseConfig({ ...BASE, webhookAddress }).ok;
    expect([address('https://sync.example.com/webhooks/shopify'), address('http://127.0.0.1:8787/webhooks/shopify'), address('http://localhost/x'), address('http://sync.example.com/x'), address('ftp://x.example.com/')]).toEqual([true, true, true, false, false]);
  });

  test('the access token never reaches the log', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const parsed = parseConfig({ ...BASE, shops: [{ ...BASE.shops[0], accessToken: TOKEN, apiBaseUrl: 'http://127.0.0.1:8001' }] });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    logger.info({ config: parsed.config }, 'config.loaded');
    logger.info({ shops: parsed.config.shops }, 'shops');
    logger.info({ shop: parsed.config.shops[0] }, 'one shop');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(TOKEN);
    expect(lines[0]).toContain('"accessToken":"[redacted]"');
    expect(lines[0]).toContain('"apiBaseUrl":"http://127.0.0.1:8001"');
  });
});
