import { DEMO_MAPPING } from '@shopsync/demo';
import { createRunner, createLogger, createMemoryStore, parseConfig, type Config } from '@shopsync/runner';
import { SyncError } from '@shopsync/core';
import { webhookHmac } from '@shopsync/shopify-client';
import { FakeErpnext } from './support/fake-erpnext';

const ERP_KEY = 'erp-key-4f1c9a';
const ERP_SECRET = 'erp-secret-b7d20e';
const WEBHOOK_SECRET = 'webhook-secret-91aa3c';
const ACCESS_TOKEN = 'shpat_0123456789abcdef';
const SECRETS = [ERP_KEY, ERP_SECRET, WEBHOOK_SECRET, ACCESS_TOKEN];

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } }) };
}

function config(): Config {
  const parsed = parseConfig({
    shops: [{ domain: 'acme.myshopify.com', webhookSecrets: [WEBHOOK_SECRET] }],
    erpnext: { url: 'http://127.0.0.1:9', apiKey: ERP_KEY, apiSecret: ERP_SECRET },
    store: { path: ':memory:' },
    server: { port: 0 },
    mapping: DEMO_MAPPING,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

const leaked = (lines: readonly string[]) => SECRETS.filter((secret) => lines.some((line) => line.includes(secret)));

describe('secrets never reach the log (STYLE C14)', () => {
  test('logging the whole config writes [redacted] where each secret was', () => {
    const { lines, logger } = capture();
    logger.info({ config: config() }, 'config.loaded');
    logger.child({ erpnext: config().erpnext }).info({ shops: config().shops }, 'child bindings too');
    expect(lines.length).toBe(2);
    expect(leaked(lines)).toEqual([]);
    expect(lines[0]).toContain('"apiSecret":"[redacted]"');
    expect(lines[0]).toContain('"url":"http://127.0.0.1:9"');
  });

  test('a refused request is logged with its headers, signature and tokens redacted', async () => {
    const { lines, logger } = capture();
    const store = createMemoryStore();
    const runner = createRunner({ config: config(), store, erpnext: new FakeErpnext(), logger, processMetrics: false });
    const url = await runner.start({ workers: false });
    const body = '{"id":1}';
    const response = await fetch(`${url}/webhooks/shopify`, {
      method: 'POST',
      body,
      headers: {
        'x-shopify-shop-domain': 'acme.myshopify.com',
        'x-shopify-hmac-sha256': webhookHmac(body, 'not-the-secret'),
        'x-shopify-access-token': ACCESS_TOKEN,
        authorization: `token ${ERP_KEY}:${ERP_SECRET}`,
      },
    });
    await runner.stop();
    expect(response.status).toBe(401);
    const refused = lines.find((line) => line.includes('webhook.refused'));
    expect(refused).toContain('"x-shopify-shop-domain":"acme.myshopify.com"');
    expect(refused).toContain('"authorization":"[redacted]"');
    expect(leaked(lines)).toEqual([]);
  });

  test('an HTTP client error carrying the Authorization header is logged without it', () => {
    const { lines, logger } = capture();
    const axiosLike = Object.assign(new Error('Request failed with status code 502'), {
      isAxiosError: true,
      config: { headers: { Authorization: `token ${ERP_KEY}:${ERP_SECRET}` } },
      request: { _header: `POST /api/resource HTTP/1.1\r\nAuthorization: token ${ERP_KEY}:${ERP_SECRET}` },
    });
    logger.error({ err: axiosLike }, 'raw client error');
    logger.error({ err: SyncError.retryable({ code: 'erpnext.unavailable', category: 'transient', message: 'ERPNext answered 502', cause: axiosLike }) }, 'wrapped');
    expect(lines.join('')).toContain('Request failed with status code 502');
    expect(leaked(lines)).toEqual([]);
  });
});
