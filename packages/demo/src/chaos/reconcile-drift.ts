import type { ReconcileReport } from '@shopsync/runner';
import { runCli, type Env } from './serve-process';
import type { OpenFailure } from './store-findings';

export interface ReconcileOutcome {
  readonly compared: number;
  /** Drifted orders no parked failure of the runner accounts for, each with reconcile's sentences. */
  readonly unexplained: readonly string[];
  /** Drifted orders whose difference a parked failure already names (the operator was told). */
  readonly explained: number;
  /** Orders reconcile could not compare (a read failed, the converter refuses them), with its reason. */
  readonly notCompared: readonly string[];
  /** The command did not give a report. */
  readonly problems: readonly string[];
}

/**
 * `shopsync reconcile --since 2000-01-01 --config FILE --json`, the CLI an operator runs, against
 * both simulators: every order compared with ERPNext. A drifted order is explained when the runner
 * parked a failure for it (its sentence is what the operator reads); any other drift is unexplained.
 * Run after the final serve stopped: it records its findings as drift failures in the same store.
 */
export async function reconcileDrift(configPath: string, env: Env, parked: readonly OpenFailure[]): Promise<ReconcileOutcome> {
  const cli = await runCli(['reconcile', '--since', '2000-01-01', '--config', configPath, '--json'], env);
  let report: ReconcileReport;
  try {
    report = JSON.parse(cli.stdout) as ReconcileReport;
  } catch {
    return { compared: 0, unexplained: [], explained: 0, notCompared: [], problems: [`\`shopsync reconcile\` exited ${cli.code} without a JSON report: ${(cli.stderr || cli.stdout).trim().slice(-500)}`] };
  }
  const explainedBy = new Set(parked.filter((failure) => failure.category !== 'drift').map((failure) => failure.resource));
  const unexplained: string[] = [];
  let explained = 0;
  for (const shop of report.shops) {
    for (const order of shop.drifted) {
      if (explainedBy.has(`${shop.shop}/order/${order.id}`)) explained += 1;
      else unexplained.push(`order ${order.id} (${order.name}) differs in ERPNext: ${order.findings.map((finding) => finding.message).join('; ')}`);
    }
  }
  return {
    compared: report.totals.compared,
    unexplained,
    explained,
    notCompared: report.shops.flatMap((shop) => shop.notCompared.map((order) => `order ${order.id} (${order.name}) not compared: ${order.code}: ${order.reason}`)),
    problems: [...report.failed.map((shop) => `reconcile of ${shop.shop} failed: ${shop.error}`), ...report.shops.flatMap((shop) => (shop.stopped === null ? [] : [`reconcile of ${shop.shop} stopped: ${shop.stopped.code}: ${shop.stopped.reason}`]))],
  };
}
