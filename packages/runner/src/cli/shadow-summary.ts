import type { ShadowPlanRecord } from '../store/store';

/** Per flow in shadow mode: what its recorded plans would have done, had the flow been live. */
export interface ShadowFlowSummary {
  readonly flow: string;
  /** Events the flow skipped in shadow mode (the latest plan of each counts). */
  readonly events: number;
  /** Plans by outcome: applied (would have written), skipped, superseded, failed. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** The operations of those plans, by kind and doctype, most frequent first. */
  readonly operations: ReadonlyArray<{ readonly kind: string; readonly doctype: string; readonly count: number }>;
  /** The failures those plans would have parked, by code. */
  readonly failures: ReadonlyArray<{ readonly code: string; readonly count: number }>;
}

const FLOW = /^shadow mode \(([^)]+)\)/;

interface PlanShape {
  outcome?: unknown;
  operations?: unknown;
  failure?: { code?: unknown } | null;
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/** Reads the plans as recorded evidence (plain JSON), so a plan written by an older version still counts. */
export function summariseShadow(records: readonly ShadowPlanRecord[]): ShadowFlowSummary[] {
  const flows = new Map<string, { events: number; outcomes: Map<string, number>; ops: Map<string, number>; failures: Map<string, number> }>();
  for (const record of records) {
    const flow = FLOW.exec(record.reason)?.[1] ?? 'unknown';
    const entry = flows.get(flow) ?? { events: 0, outcomes: new Map(), ops: new Map(), failures: new Map() };
    flows.set(flow, entry);
    entry.events += 1;
    const plan = (typeof record.plan === 'object' && record.plan !== null ? record.plan : {}) as PlanShape;
    bump(entry.outcomes, String(plan.outcome ?? 'unknown'));
    for (const op of Array.isArray(plan.operations) ? (plan.operations as Array<{ kind?: unknown; doctype?: unknown }>) : []) bump(entry.ops, `${String(op.kind)}\n${String(op.doctype)}`);
    if (plan.failure?.code !== undefined) bump(entry.failures, String(plan.failure.code));
  }
  return [...flows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([flow, entry]) => ({
      flow,
      events: entry.events,
      outcomes: Object.fromEntries(entry.outcomes),
      operations: [...entry.ops.entries()].map(([key, count]) => ({ kind: key.split('\n')[0] ?? '', doctype: key.split('\n')[1] ?? '', count })).sort(byCount),
      failures: [...entry.failures.entries()].map(([code, count]) => ({ code, count })).sort(byCount),
    }));
}

export function formatShadow(flows: readonly ShadowFlowSummary[]): string[] {
  if (flows.length === 0) return [];
  return [
    'shadow mode — what would have been done (nothing was written):',
    ...flows.flatMap((flow) => [
      `  ${flow.flow.padEnd(13)}${flow.events} events; plans: ${Object.entries(flow.outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`,
      ...flow.operations.map((op) => `    ${String(op.count).padStart(6)} × ${op.kind} ${op.doctype}`),
      ...flow.failures.map((failure) => `    ${String(failure.count).padStart(6)} × would fail: ${failure.code}`),
    ]),
  ];
}
