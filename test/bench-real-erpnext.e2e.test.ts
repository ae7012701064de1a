import { execFile } from 'node:child_process';
import { join } from 'node:path';

// `npm run bench`'s realErpnext part with --real-erpnext-sim: the bare REST loop and `shopsync serve`
// book the same paid new-customer orders into the ERPNext simulator (its own process), and the JSON
// says which target was used, what each side made there and how many requests each needed.

const ROOT = join(__dirname, '..');

interface Round {
  readonly round: number;
  readonly ordersPerSecond: number;
  readonly requestsPerOrder: number;
  readonly documents: Record<string, number>;
}

interface Side {
  readonly rounds: Round[];
  readonly medianOrdersPerSecond: number;
  readonly requestsPerOrder: number;
  readonly byPath: Record<string, number>;
}

interface BenchJson {
  readonly realErpnext: {
    readonly target: string;
    readonly url: string;
    readonly orders: number;
    readonly concurrency: number;
    readonly bare: Side & { clientRequestsPerOrder: number; totalMismatches: number };
    readonly shopsync: Side & { writes: string; writesFellBack: boolean; events: Record<string, number>; openFailures: number };
    readonly ratio: number;
  };
  readonly realErpnextNote: string;
}

function bench(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  // Without the real-site variables, whatever the caller's shell has: the simulator is the target.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ERPNEXT_')));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join('scripts', 'bench', 'run-bench.ts'), ...args], { cwd: ROOT, env, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`bench failed: ${error.message}\n${stderr}`));
      resolve({ stdout, stderr });
    });
  });
}

describe('npm run bench: realErpnext against the ERPNext simulator', () => {
  test('both sides book the 6 orders; the bare loop takes 6 requests per order; the ratio is of the medians', async () => {
    const { stdout, stderr } = await bench(['--only', 'realErpnext', '--real-erpnext-sim', '--real-orders', '6', '--real-rounds', '1', '--json']);
    const result = JSON.parse(stdout) as BenchJson;
    const x = result.realErpnext;
    expect(x.target).toBe('ERPNext simulator (--real-erpnext-sim)');
    expect(result.realErpnextNote).toMatch(/SIMULATOR/);
    expect(x.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([x.orders, x.concurrency]).toEqual([6, 4]);

    const made = { Customer: 6, 'Sales Order': 6, 'Sales Invoice': 6, 'Payment Entry': 6 };
    expect(x.bare.rounds.map((r) => r.documents)).toEqual([made]);
    expect(x.shopsync.rounds.map((r) => r.documents)).toEqual([made]);

    expect([x.bare.requestsPerOrder, x.bare.clientRequestsPerOrder, x.bare.totalMismatches]).toEqual([6, 6, 0]);
    expect(x.bare.byPath).toEqual({
      'POST /api/resource/Customer': 6,
      'POST /api/resource/Sales Order': 6,
      'POST /api/method/erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice': 6,
      'POST /api/resource/Sales Invoice': 6,
      'POST /api/method/erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry': 6,
      'POST /api/resource/Payment Entry': 6,
    });
    expect(x.shopsync).toMatchObject({ writes: 'batch', writesFellBack: false, events: { applied: 12 }, openFailures: 0, requestsPerOrder: 2 });

    for (const side of [x.bare, x.shopsync]) expect(side.medianOrdersPerSecond).toBe(side.rounds[0]!.ordersPerSecond);
    expect(x.ratio).toBeCloseTo(x.shopsync.medianOrdersPerSecond / x.bare.medianOrdersPerSecond, 1);
    // The simulator's API key and secret (scripts/bench/erpnext-child.ts) appear nowhere in the output.
    expect(stdout + stderr).not.toMatch(/bench-api-(key|secret)/);
    // A bench child process compiling TypeScript, the simulator and serve: seconds, not milliseconds.
  }, 60_000);
});
