import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { runToEnd, type CliRun } from './support/cli-harness';

/**
 * The runner as its users install it (README, "Install"): `npm run build`, `npm pack -w packages/runner`,
 * `npm install -g <tarball>` into an empty prefix outside the repository, then the `shopsync` on that
 * prefix's PATH, run from empty folders: --version, --help, init, and serve until it listens. The
 * installed package has no src/ and no tsx, so this is the built JavaScript under plain node.
 *
 * The runtime dependencies come from the npm registry (or npm's cache). better-sqlite3's own install
 * script runs as on any machine; its prebuilt binary is handed to it from this checkout
 * (prebuild-install's documented local-prebuilds folder) instead of downloaded from GitHub or compiled,
 * which takes about two minutes on a 2-core machine without access to GitHub's release downloads.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');
const versionOf = (...path: string[]) => (JSON.parse(readFileSync(join(ROOT, ...path, 'package.json'), 'utf8')) as { version: string }).version;
const RUNNER_VERSION = versionOf('packages', 'runner');

/** The environment of a fresh shell: nothing of the npm script or Jest worker that runs this test. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE_PATH$|NODE_OPTIONS$|SHOPSYNC_|INIT_CWD$)/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

async function mustRun(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  const result = await runToEnd(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** better-sqlite3's binary from this checkout, named as prebuild-install looks for it; null if there is none. */
function localPrebuild(into: string): { dir: string; file: string; from: string } | null {
  const from = join(ROOT, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(from, 'build', 'Release', 'better_sqlite3.node'))) return null;
  const { version } = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { version: string };
  const file = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(into, { recursive: true });
  return { dir: into, file, from };
}

describe('the packed runner, installed from its tarball into an empty prefix', () => {
  let work = '';
  let env: NodeJS.ProcessEnv = {};
  let installed = '';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shopsync-install-'));
    const npmEnv = cleanEnv();
    await mustRun('npm', ['run', 'build'], { cwd: ROOT, env: npmEnv });
    await mustRun('npm', ['pack', '-w', 'packages/runner', '--pack-destination', work], { cwd: ROOT, env: npmEnv });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
    const prebuild = localPrebuild(join(work, 'prebuilds'));
    const installEnv = { ...npmEnv };
    if (prebuild !== null) {
      await mustRun('tar', ['-czf', join(prebuild.dir, prebuild.file), '-C', prebuild.from, 'build/Release/better_sqlite3.node'], { cwd: work, env: npmEnv });
      installEnv.npm_config_better_sqlite3_local_prebuilds = prebuild.dir;
    }
    const prefix = join(work, 'prefix');
    await mustRun('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], { cwd: work, env: installEnv });
    installed = join(prefix, 'lib', 'node_modules', '@shopsync', 'runner');
    // `shopsync` on PATH as after `npm install -g`, next to the node that runs this test.
    env = cleanEnv({ PATH: [join(prefix, 'bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter) });
  });

  afterAll(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  /** An empty folder outside the repository, as "any folder" a user runs shopsync from. */
  const emptyFolder = (name: string) => {
    const folder = join(work, name);
    mkdirSync(folder);
    return folder;
  };

  test('the package holds the built JavaScript only: no TypeScript sources, no tsx', () => {
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'store', 'threaded', 'store-thread.js'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(installed, '..', '..', 'tsx'))).toBe(false);
  });

  test('--version prints the package version, which is the repository\'s; --help lists the commands', async () => {
    expect(RUNNER_VERSION).toBe(versionOf());
    const cwd = emptyFolder('version');
    const version = await runToEnd('shopsync', ['--version'], { cwd, env });
    expect(version).toEqual({ code: 0, stdout: `${RUNNER_VERSION}\n`, stderr: '' });
    const help = await runToEnd('shopsync', ['--help'], { cwd, env });
    expect(help.code).toBe(0);
    for (const command of ['init', 'serve', 'doctor', 'status']) expect(help.stdout).toContain(command);
  });

  test('init writes a config into an empty folder, and serve starts from it, listens and stops on SIGTERM', async () => {
    const cwd = emptyFolder('site');
    const init = await runToEnd('shopsync', ['init', '--erpnext-url', 'http://127.0.0.1:9'], { cwd, env });
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain('wrote shopsync.json');
    const config = JSON.parse(readFileSync(join(cwd, 'shopsync.json'), 'utf8')) as { server: { port: number } };
    config.server.port = 0;
    writeFileSync(join(cwd, 'shopsync.json'), JSON.stringify(config));

    const secrets = { SHOPSYNC_ERPNEXT_API_KEY: 'k', SHOPSYNC_ERPNEXT_API_SECRET: 's', SHOPSYNC_WEBHOOK_SECRETS: 'w' };
    const child = spawn('shopsync', ['serve', '--config', 'shopsync.json'], { cwd, env: { ...env, ...secrets }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.includes('"msg":"runner.started"'));
        if (line !== undefined) resolve(JSON.parse(line) as { url: string });
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => reject(new Error(`shopsync serve exited early (${code}): ${output}`)));
    });
    const health = await fetch(`${started.url}/healthz`);
    expect(health.status).toBe(200);
    // The SQLite state file, written on the store's own thread through the copied migrations.
    expect(existsSync(join(cwd, 'shopsync-state.sqlite'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"runner.stopped"');
  });
});
