import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile, type FailureActionResult, type StatusReport } from '@shopsync/runner';
import { runCli, seedStateFile } from './support/cli-harness';
import { startServe } from './support/runner-process';
import { useTempDir } from './support/temp-dir';

const ROOT = join(__dirname, '..');

/** The real binary, as an operator runs it: bin/shopsync.js → tsx → cli/main.ts, in a child process. */
jest.setTimeout(30_000);

describe('the shopsync binary', () => {
  const dir = useTempDir();
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('init writes a commented config that loads once the secrets come from the environment, and never overwrites', async () => {
    const file = join(dir(), 'shopsync.json');
    const first = await runCli(['init', '--file', file, '--shop', 'acme.myshopify.com', '--store', join(dir(), 'state.sqlite')]);
    expect(first).toMatchObject({ code: 0 });
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { '//'?: string }>;
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['//', 'shops', 'erpnext', 'store', 'server', 'worker', 'mapping', 'log']));
    for (const section of ['erpnext', 'store', 'server', 'worker', 'mapping', 'log']) expect(written[section]?.['//']).toEqual(expect.any(String));
    const env = { SHOPSYNC_ERPNEXT_API_KEY: 'k', SHOPSYNC_ERPNEXT_API_SECRET: 's', SHOPSYNC_WEBHOOK_SECRETS: 'w' };
    const loaded = loadConfigFile(file, env);
    expect(loaded.ok ? loaded.config.shops : loaded.problems).toEqual([{ domain: 'acme.myshopify.com', webhookSecrets: ['w'] }]);
    const withoutSecrets = loadConfigFile(file, {});
    expect(withoutSecrets.ok ? [] : withoutSecrets.problems.map((problem) => problem.split(':')[0])).toEqual(['shops.0.webhookSecrets', 'erpnext.apiKey', 'erpnext.apiSecret']);
    const again = await runCli(['init', '--file', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists; pass --force');
  });

  test('init into a folder that does not exist creates it; a path it cannot write is a sentence, not a bare ENOENT', async () => {
    const file = join(dir(), 'conf', 'prod', 'shopsync.json');
    const made = await runCli(['init', '--file', file]);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toContain(`created folder ${join(dir(), 'conf', 'prod')}`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('mapping');
    const blocked = await runCli(['init', '--file', join(file, 'under-a-file.json')]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^cannot write .*under-a-file\.json: E\w+ .*choose a --file in a folder you can write to/m);
  });

  test('status, failures retry (twice) and events show, with --json, against a state file named by the config', async () => {
    const db = join(dir(), 'state.sqlite');
    const ids = await seedStateFile(db);
    const config = join(dir(), 'shopsync.json');
    expect((await runCli(['init', '--file', config, '--store', db])).code).toBe(0);
    const status = await runCli(['status', '--config', config, '--json']);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as StatusReport).failures).toEqual({ mapping: { open: 2 }, auth: { open: 1 } });
    const retry = await runCli(['failures', 'retry', '--category', 'mapping', '--json'], { env: { SHOPSYNC_CONFIG: config } });
    expect((JSON.parse(retry.stdout) as FailureActionResult[]).flatMap((r) => r.requeued)).toEqual([ids.mappingA, ids.mappingB]);
    const twice = await runCli(['failures', 'retry', '--category', 'mapping', '--json', '--db', db]);
    expect(JSON.parse(twice.stdout)).toEqual([]);
    const show = await runCli(['events', 'show', String(ids.mappingA), '--db', db, '--json']);
    expect((JSON.parse(show.stdout) as { evidence: Array<{ kind: string }> }).evidence.map((row) => row.kind)).toEqual(['received', 'plan', 'result', 'retry']);
    const bad = await runCli(['events', 'show', 'abc', '--db', db]);
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'shopsync: event id must be a positive whole number, got "abc"']);
  });

  test('serve logs its config and refused requests without a secret, and /readyz names ERPNext as down', async () => {
    const config = join(dir(), 'shopsync.json');
    expect((await runCli(['init', '--file', config, '--store', join(dir(), 'state.sqlite'), '--erpnext-url', 'http://127.0.0.1:9'])).code).toBe(0);
    const settings = JSON.parse(readFileSync(config, 'utf8')) as { server: Record<string, unknown> };
    writeFileSync(config, JSON.stringify({ ...settings, server: { ...settings.server, port: 0 } }));
    const secrets = { SHOPSYNC_ERPNEXT_API_KEY: 'serve-key-5e1f', SHOPSYNC_ERPNEXT_API_SECRET: 'serve-secret-77aa', SHOPSYNC_WEBHOOK_SECRETS: 'serve-webhook-c0de' };
    const { child, url, output } = await startServe(config, { PATH: process.env.PATH ?? '', ...secrets });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const ready = await fetch(`${url}/readyz`);
      expect([ready.status, ((await ready.json()) as { down: string[] }).down]).toEqual([503, ['erpnext']]);
      const headers = { 'x-shopify-shop-domain': 'your-shop.myshopify.com', 'x-shopify-hmac-sha256': 'AAAA', authorization: `token ${secrets.SHOPSYNC_ERPNEXT_API_KEY}:${secrets.SHOPSYNC_ERPNEXT_API_SECRET}` };
      expect((await fetch(`${url}/webhooks/shopify`, { method: 'POST', body: '{}', headers })).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"config.loaded"');
    expect(output()).toContain('"msg":"webhook.refused"');
    for (const secret of Object.values(secrets)) expect(output()).not.toContain(secret);
  });

  // The demo and the chaos run live in @shopsync/demo, behind its own binary, so the runner carries no simulator.
  test.each([
    ['shopsync', ['init', 'serve', 'status', 'events', 'failures', 'replay', 'plan']],
    ['shopsync-demo', ['demo', 'chaos']],
  ])('`npx %s` works from the repository root', async (binary, commands) => {
    const help = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('npx', ['--no-install', binary, '--help'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toContain(command);
  });
});
