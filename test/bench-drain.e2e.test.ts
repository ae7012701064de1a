import { execFile } from 'node:child_process';
import { join } from 'node:path';

// `npm run bench`'s drain part, shrunk: a state file with 2,000 orders/create events pending, `serve`
// started on it as a user runs it (shadow mode, the default), the rate over the first 300 settled.
// Only the shape and the sense of the figures are checked; speed targets live in the benchmark.

const ROOT = join(__dirname, '..');

interface DrainJson {
  readonly drain: { backlog: number; measured: number; perSecond: number; mode: string; claimMs: number; settledBy: Record<string, number> };
}

function bench(args: readonly string[]): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SHOPSYNC_')));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join('scripts', 'bench', 'run-bench.ts'), ...args], { cwd: ROOT, env, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`bench failed: ${error.message}\n${stderr}`));
      resolve(stdout);
    });
  });
}

describe('npm run bench: drain', () => {
  test('--json has drain {backlog, measured, perSecond, mode} from serve in shadow mode', async () => {
    const { drain } = JSON.parse(await bench(['--only', 'drain', '--drain-backlog', '2000', '--drain-measure', '300', '--json'])) as DrainJson;
    expect(drain).toMatchObject({ backlog: 2000, mode: 'shadow' });
    expect(drain.measured).toBeGreaterThanOrEqual(300);
    expect(drain.measured).toBeLessThanOrEqual(2000);
    expect(drain.perSecond).toBeGreaterThan(0);
    expect(drain.claimMs).toBeGreaterThan(0);
    // Shadow mode writes nothing to ERPNext: every event settled is skipped (planned and recorded).
    expect(drain.settledBy.skipped).toBeGreaterThanOrEqual(300);
    expect(drain.settledBy.applied ?? 0).toBe(0);
  }, 120_000);

  test('--drain-backlog must be a whole number', async () => {
    await expect(bench(['--only', 'drain', '--drain-backlog', 'lots'])).rejects.toThrow(/--drain-backlog must be a whole number/);
  }, 60_000);
});
