import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

// `npm run chaos` is `shopsync-demo chaos`: the bin npm links for the demo package. Its exit code is
// the command's verdict, so a script or CI can trust it: 1 on any violation, 0 when every invariant
// holds. Two orders, no kills, no outage, no ERPNext faults, to keep it short. A settle timeout of
// 0.1 s is shorter than quiescence can ever be seen (two quiet checks 200 ms apart), so that run
// fails `quiescent` every time, whatever the machine's speed.

const BIN = join(__dirname, '..', 'node_modules', '.bin', 'shopsync-demo');
const TINY = ['chaos', '--orders', '2', '--seed', '3', '--kills', '0', '--outage-seconds', '0', '--fault-rate', '0', '--json'];

interface ChaosJson {
  readonly invariants: Record<string, boolean>;
  readonly violations: string[];
  readonly stateDir: string;
}

function chaos(args: readonly string[]): Promise<{ code: number; json: ChaosJson }> {
  // Without shopsync's own variables: the run's config file decides what serve runs with.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SHOPSYNC_')));
  return new Promise((resolve, reject) => {
    execFile(BIN, [...args], { env, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      let json: ChaosJson;
      try {
        json = JSON.parse(stdout) as ChaosJson;
      } catch {
        return reject(new Error(`shopsync-demo chaos (exit ${code}) printed no JSON: ${stdout.slice(0, 500)}\n${stderr.slice(-2_000)}`));
      }
      rmSync(json.stateDir, { recursive: true, force: true });
      resolve({ code, json });
    });
  });
}

describe('shopsync-demo chaos: the exit code', () => {
  test('a violated invariant exits 1, and --json names it', async () => {
    const { code, json } = await chaos([...TINY, '--settle-timeout-seconds', '0.1']);
    expect(code).toBe(1);
    expect(json.invariants.quiescent).toBe(false);
    expect(json.violations).toContainEqual(expect.stringMatching(/^quiescent: not quiescent/));
  }, 60_000);

  test('a clean run exits 0 with no violation', async () => {
    const { code, json } = await chaos(TINY);
    expect(json.violations).toEqual([]);
    expect(Object.values(json.invariants).every(Boolean)).toBe(true);
    expect(code).toBe(0);
  }, 60_000);
});
