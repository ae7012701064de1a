import type { Command } from 'commander';
import { flowOfTopicPrefix, healthReport, type HealthReport } from '../mirror/health-report';
import type { OperatorQueryPort } from '../store/store';
import { emit, exitCodeOf, type CliContext } from './cli-context';
import { withCliStore, withStoreOptions, type StoreOptions } from './cli-store';
import { formatShadow, summariseShadow, type ShadowFlowSummary } from './shadow-summary';

/** The store's health (mirror/health-report.ts, which the heartbeat sends too) and what shadow mode would have done. */
export interface StatusReport extends HealthReport {
  /** Per flow that ran in shadow mode: the events it skipped and what their recorded plans would have done. */
  readonly shadow: readonly ShadowFlowSummary[];
}

export { flowOfTopicPrefix };

export async function statusReport(store: OperatorQueryPort): Promise<StatusReport> {
  const [health, shadowPlans] = await Promise.all([healthReport(store), store.shadowPlans()]);
  return { ...health, shadow: summariseShadow(shadowPlans) };
}

/** The width of a label column: the longest label and two spaces ("order_transactions" is 18 characters). */
const columnWidth = (labels: readonly string[]): number => Math.max(11, ...labels.map((label) => label.length)) + 2;

export function formatStatus(report: StatusReport): string {
  const events = Object.entries(report.events).map(([status, n]) => `${status} ${n}`).join(', ') || 'none';
  const categoryWidth = columnWidth(Object.keys(report.failures));
  const categories = Object.entries(report.failures).map(([category, byStatus]) =>
    `  ${category.padEnd(categoryWidth)}${Object.entries(byStatus).map(([status, n]) => `${status} ${n}`).join(', ')}`,
  );
  const flowWidth = columnWidth(report.lastSuccess.map((row) => row.flow));
  return [
    `backlog: ${report.backlog.pending} pending, ${report.backlog.claimed} claimed`,
    `events: ${events}; ${report.deliveries} deliveries (${report.duplicateDeliveries} duplicates)`,
    `failures: ${report.openFailures} open${categories.length === 0 ? '' : ' — by category:'}`,
    ...categories,
    'last success per flow:',
    ...(report.lastSuccess.length === 0 ? ['  none yet'] : report.lastSuccess.map((row) => `  ${row.flow.padEnd(flowWidth)}${row.at} (${row.topic})`)),
    ...formatShadow(report.shadow),
  ].join('\n');
}

export async function runStatus(options: StoreOptions & { json?: boolean }, ctx: CliContext): Promise<number> {
  return withCliStore(options, ctx, async (store) => {
    const report = await statusReport(store);
    emit(ctx, options.json, report, () => formatStatus(report));
    return 0;
  });
}

export function registerStatusCommand(program: Command, ctx: CliContext): void {
  withStoreOptions(program.command('status').description('backlog, failures by category, the last success per flow, and what shadow mode would have done'))
    .option('--json', 'print one JSON object')
    .action((options: StoreOptions & { json?: boolean }) => exitCodeOf(runStatus(options, ctx)));
}
