import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_MAPPING } from '@shopsync/demo';

/**
 * `node --import tsx scripts/bench-startup.ts [--runs 7]` after `npm run build`: how long a new
 * `shopsync` process takes, from source (bin/shopsync.js → tsx → src/cli/main.ts) and built
 * (dist/cli.js under plain node, what the installed package runs). Two figures per way:
 *   --version   the CLI loaded and answering;
 *   serve       spawn → the "runner.started" log line (listening), on a new SQLite state file each run
 *               (created and migrated on the store's thread), ERPNext not contacted; then SIGTERM.
 * From source is measured with tsx's compile cache on (every start after the first) and off
 * (TSX_DISABLE_CACHE=1: the first start after a checkout or an edit). The ways alternate run by run.
 */
const ROOT = join(__dirname, '..');
const FROM_SOURCE = join(ROOT, 'packages', 'runner', 'bin', 'shopsync.js');
const BUILT = join(ROOT, 'packages', 'runner', 'dist', 'cli.js');

interface Way {
  readonly name: string;
  readonly entry: string;
  readonly env: Record<string, string>;
}

const WAYS: readonly Way[] = [
  { name: 'from source, tsx cache off', entry: FROM_SOURCE, env: { TSX_DISABLE_CACHE: '1' } },
  { name: 'from source, tsx cache on', entry: FROM_SOURCE, env: {} },
  { name: 'built (dist/cli.js)', entry: BUILT, env: {} },
];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SHOPSYNC_') && key !== 'TSX_DISABLE_CACHE'));
  return { ...env, ...extra };
}

function timeVersion(way: Way): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [way.entry, '--version'], { env: childEnv(way.env), stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${way.name}: --version exited ${code}`))));
  });
}

function timeServe(way: Way): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'shopsync-bench-startup-'));
  const config = join(dir, 'shopsync.json');
  writeFileSync(
    config,
    JSON.stringify({
      shops: [{ domain: 'bench.myshopify.com', webhookSecrets: ['w'] }],
      erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
      store: { path: join(dir, 'state.sqlite') },
      server: { port: 0 },
      mapping: DEMO_MAPPING,
    }),
  );
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [way.entry, 'serve', '--config', config], { env: childEnv(way.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let listening: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (listening === null && output.includes('"msg":"runner.started"')) {
        listening = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (listening === null ? reject(new Error(`${way.name}: serve exited ${code} before listening:\n${output}`)) : resolve(listening)));
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function summary(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const min = sorted[0] ?? NaN;
  const max = sorted.at(-1) ?? NaN;
  return `median ${median.toFixed(0).padStart(5)} ms  (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
}

async function main(): Promise<void> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` first`);
  const runs = option('runs', 7);
  const version = new Map<string, number[]>(WAYS.map((way) => [way.name, []]));
  const serve = new Map<string, number[]>(WAYS.map((way) => [way.name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const way of WAYS) {
      version.get(way.name)?.push(await timeVersion(way));
      serve.get(way.name)?.push(await timeServe(way));
    }
  }
  process.stdout.write(`node ${process.version}, ${runs} runs each, ways alternating\n`);
  for (const way of WAYS) {
    process.stdout.write(`${way.name.padEnd(28)} --version: ${summary(version.get(way.name) ?? [])}   serve → listening: ${summary(serve.get(way.name) ?? [])}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
