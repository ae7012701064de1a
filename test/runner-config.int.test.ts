import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { loadConfigFile, loadStoreConfig, parseConfig } from '@shopsync/runner';
import { useTempDir } from './support/temp-dir';

const VALID = {
  shops: [{ domain: 'acme.myshopify.com', webhookSecrets: ['s'] }],
  erpnext: { url: 'https://erp.example.com', apiKey: 'k', apiSecret: 's' },
  store: { path: 'state.sqlite' },
  mapping: DEMO_MAPPING,
};

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('config: file + environment, checked once', () => {
  const dir = useTempDir();

  test('every problem is reported at once, each with its path, misspelt keys included', () => {
    const result = parseConfig({
      ...VALID,
      shops: [{ domain: 'Acme.com', webhookSecrets: [] }],
      erpnext: { apiKey: 'k', apiSecret: 's' },
      store: { path: 'x', retentionDays: 1 },
      server: { port: 70_000, prot: 1 },
      metrics: {},
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.split(':')[0])).toEqual([
      'shops.0.domain',
      'shops.0.webhookSecrets',
      'erpnext.url',
      'store.retentionDays',
      'server.port',
      'server.prot',
      'metrics',
    ]);
  });

  test('"//" keys are comments at any depth; defaults fill the rest (retention 30 days, group commit 512)', () => {
    const result = parseConfig({ '//': 'top', ...VALID, store: { '//': 'the state file', path: 'state.sqlite' }, shops: [{ '//': 'a shop', ...VALID.shops[0] }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.store).toEqual({ path: 'state.sqlite', synchronous: 'FULL', retentionDays: 30 });
    expect(result.config.server).toMatchObject({ maxBatch: 512, readyTimeoutMs: 2_000 });
  });

  test('secrets from the environment fill or replace the file’s', () => {
    const file = join(dir(), 'shopsync.json');
    const { apiKey: _key, apiSecret: _secret, ...erpnext } = VALID.erpnext;
    writeFileSync(file, JSON.stringify({ ...VALID, erpnext, shops: [{ domain: 'acme.myshopify.com' }, { domain: 'beta.myshopify.com', webhookSecrets: ['own'] }] }));
    const result = loadConfigFile(file, { SHOPSYNC_ERPNEXT_API_KEY: 'ek', SHOPSYNC_ERPNEXT_API_SECRET: 'es', SHOPSYNC_WEBHOOK_SECRETS: 'new,old' });
    expect(result.ok && [result.config.erpnext.apiKey, result.config.erpnext.apiSecret, result.config.shops.map((s) => s.webhookSecrets)]).toEqual(['ek', 'es', [['new', 'old'], ['own']]]);
    expect(loadConfigFile(join(dir(), 'absent.json'), {})).toMatchObject({ ok: false });
  });

  test('an empty SHOPSYNC_WEBHOOK_SECRETS is named as such, not as shops.0.webhookSecrets: Too small', () => {
    const file = join(dir(), 'shopsync.json');
    writeFileSync(file, JSON.stringify({ ...VALID, shops: [{ domain: 'acme.myshopify.com' }] }));
    const result = loadConfigFile(file, { SHOPSYNC_WEBHOOK_SECRETS: ' , ' });
    expect(result.ok ? [] : result.problems).toEqual(["SHOPSYNC_WEBHOOK_SECRETS: is set but holds no secret; give the app's client secret(s), comma-separated, newest first"]);
  });

  test('operator commands read only the store section, so they need no secrets', () => {
    const file = join(dir(), 'shopsync.json');
    writeFileSync(file, JSON.stringify({ store: { '//': 'state', path: 'state.sqlite', retentionDays: 7 } }));
    expect(loadStoreConfig(file)).toEqual({ ok: true, store: { path: 'state.sqlite', synchronous: 'FULL', retentionDays: 7 } });
    writeFileSync(file, JSON.stringify({ store: { path: '', sync: 'FULL' } }));
    expect(loadStoreConfig(file)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^store\.path: /)] });
  });

  test('nothing in the runner reads process.env except the CLI entry point, once at start', () => {
    const root = join(__dirname, '..', 'packages', 'runner', 'src');
    const readers = sourcesUnder(root).filter((file) => readFileSync(file, 'utf8').includes('process.env')).map((file) => relative(root, file));
    expect(readers).toEqual(['cli/main.ts']);
  });
});
