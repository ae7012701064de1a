import { INVARIANTS, type ChaosReport } from './types';

/** The one JSON object of `--json`: the counts, the invariants and the violations (the details stay in the text mode). */
export function chaosJson(report: ChaosReport): string {
  const { orders, events, faults, invariants, violations, seed, elapsedMs, stateDir } = report;
  return JSON.stringify({ orders, events, faults, invariants, violations, seed, elapsedMs, stateDir });
}

export function chaosSucceeded(report: ChaosReport): boolean {
  return report.violations.length === 0 && INVARIANTS.every((name) => report.invariants[name]);
}

const counted = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ') || 'none';

/** The readable summary: what ran, what was done to it, each invariant, and every violation with its evidence. */
export function chaosText(report: ChaosReport): string {
  const { details } = report;
  const parkedByCode = new Map<string, number>();
  for (const line of details.parked) {
    const code = line.split(':')[0]!;
    parkedByCode.set(code, (parkedByCode.get(code) ?? 0) + 1);
  }
  return [
    `${report.orders} Shopify orders (seed ${report.seed}) → ${details.deliveries} webhook deliveries, ${report.events} events stored`,
    `workload: ${counted(details.workload)}`,
    `faults: ${counted(report.faults)}`,
    ...details.faultLog.map((line) => `  ${line}`),
    `events by status: ${counted(details.byStatus)}`,
    `still parked at the end: ${details.parked.length === 0 ? 'nothing' : [...parkedByCode].map(([code, n]) => `${n} × ${code}`).join(', ')}`,
    ...details.parked.slice(0, 10).map((line) => `  ${line}`),
    `reconcile compared ${details.reconcile.compared} orders; drift a parked failure explains: ${details.reconcile.explained}; not compared: ${details.reconcile.notCompared.length}`,
    ...details.reconcile.notCompared.slice(0, 5).map((line) => `  ${line}`),
    'invariants:',
    ...INVARIANTS.map((name) => `  ${report.invariants[name] ? 'ok  ' : 'FAIL'} ${name}`),
    ...(report.violations.length === 0 ? [] : ['violations:', ...report.violations.map((line) => `  ${line}`)]),
    `took ${(report.elapsedMs / 1000).toFixed(1)} s; config, state and serve.log kept in ${report.stateDir}`,
    chaosSucceeded(report) ? 'result: every invariant holds' : `result: ${report.violations.length} violations — reproduce with \`npm run chaos -- --orders ${report.orders} --seed ${report.seed}\` and the same options`,
  ].join('\n');
}
