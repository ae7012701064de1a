import type { Command } from 'commander';
import type { CliContext } from '@shopsync/runner';
import { chaosJson, chaosSucceeded, chaosText } from '../chaos/chaos-report';
import { runChaos } from '../chaos/run-chaos';
import { CHAOS_DEFAULTS, type ChaosOptions } from '../chaos/types';
import { numberOption } from './demo-command';

interface ChaosCliOptions {
  readonly orders: number;
  readonly seed: number;
  readonly kills: number;
  readonly outageSeconds: number;
  readonly faultRate: number;
  readonly duplicateRate: number;
  readonly reorderWindow: number;
  readonly shippingRefunds: boolean;
  readonly settleTimeoutSeconds: number;
  readonly json?: boolean;
}

/**
 * `shopsync-demo chaos`: the demo's workload and checks under a seeded fault plan, with `serve` as a real
 * child process. Exit 0 only when every invariant holds.
 */
export function registerChaosCommand(program: Command, ctx: CliContext): void {
  const d = CHAOS_DEFAULTS;
  program
    .command('chaos')
    .description('run serve as a child process against both simulators under duplicated and reordered webhooks, ERPNext faults and an outage, and SIGKILLs; check the invariants (exit 1 on any violation)')
    .option('--orders <n>', 'orders to place', numberOption('orders', 1, 100_000), 100)
    .option('--seed <n>', 'seed of the shop, the workload and the fault plan', numberOption('seed', 0, 2 ** 31), d.seed)
    .option('--kills <n>', 'times serve is SIGKILLed at seeded moments and restarted', numberOption('kills', 0, 1_000), d.kills)
    .option('--outage-seconds <s>', 'how long ERPNext is down (0: no outage)', numberOption('outage-seconds', 0, 3_600), d.outageMs / 1000)
    .option('--fault-rate <r>', 'share of ERPNext writes answered with 5xx, 429, commit-then-drop or commit-then-timeout (reads: half as many, 5xx or 429)', numberOption('fault-rate', 0, 0.5), d.faultRate)
    .option('--duplicate-rate <r>', 'share of webhooks Shopify delivers twice', numberOption('duplicate-rate', 0, 1), d.duplicateRate)
    .option('--reorder-window <n>', 'Shopify sends each webhook among this many ready ones at random (1: in order)', numberOption('reorder-window', 1, 1_000), d.reorderWindow)
    .option('--no-shipping-refunds', 'leave refunds of the shipping alone out of the workload')
    // Down to 0.1 s, under the 200 ms quiescence takes to be seen: a run that must fail `quiescent`,
    // which is how test/chaos-cli.e2e.test.ts checks the exit code of a violated run.
    .option('--settle-timeout-seconds <s>', 'longest wait for quiescence after the workload and faults', numberOption('settle-timeout-seconds', 0.1, 86_400), d.settleTimeoutMs / 1000)
    .option('--json', 'print one JSON object on stdout: {orders, events, faults, invariants, violations, …}')
    .action(async (cli: ChaosCliOptions) => {
      const options: ChaosOptions = {
        ...d,
        orders: Math.round(cli.orders),
        seed: Math.round(cli.seed),
        kills: Math.round(cli.kills),
        outageMs: Math.round(cli.outageSeconds * 1000),
        faultRate: cli.faultRate,
        duplicateRate: cli.duplicateRate,
        reorderWindow: Math.round(cli.reorderWindow),
        shippingRefunds: cli.shippingRefunds,
        settleTimeoutMs: Math.round(cli.settleTimeoutSeconds * 1000),
      };
      // Progress goes to stderr in both modes: stdout holds the report alone.
      const report = await runChaos(options, { env: ctx.env, onProgress: (line) => ctx.io.err(`… ${line}`) });
      ctx.io.out(cli.json ? chaosJson(report) : chaosText(report));
      process.exitCode = chaosSucceeded(report) ? 0 : 1;
    });
}
