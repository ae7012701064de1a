import type { OperatorQueryPort } from '../store/store';

/** What the runner's store says about its health: the backlog, failures and the last success per flow. */
export interface HealthReport {
  readonly backlog: { readonly pending: number; readonly claimed: number };
  readonly events: Readonly<Record<string, number>>;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  /** Failures that need an operator (open) or are being retried, by category. */
  readonly failures: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly openFailures: number;
  /** Per flow (the topic prefix: orders, customers …), when an event of it was last applied. */
  readonly lastSuccess: ReadonlyArray<{ readonly flow: string; readonly at: string; readonly topic: string }>;
}

export const flowOfTopicPrefix = (topic: string): string => topic.split('/')[0] ?? topic;

/**
 * The store's counts as `shopsync status` prints them and the heartbeat sends them to the Desk
 * (Sync Runner): one read of each count, no other IO.
 */
export async function healthReport(store: Pick<OperatorQueryPort, 'counts' | 'failureCounts' | 'lastApplied'>): Promise<HealthReport> {
  const [counts, failureCounts, applied] = await Promise.all([store.counts(), store.failureCounts(), store.lastApplied()]);
  const failures: Record<string, Record<string, number>> = {};
  for (const row of failureCounts) (failures[row.category] ??= {})[row.status] = row.count;
  const lastSuccess = new Map<string, { flow: string; at: string; topic: string }>();
  for (const { topic, lastAppliedAt } of applied) {
    const flow = flowOfTopicPrefix(topic);
    if (lastAppliedAt > (lastSuccess.get(flow)?.at ?? '')) lastSuccess.set(flow, { flow, at: lastAppliedAt, topic });
  }
  return {
    backlog: { pending: counts.byStatus.pending ?? 0, claimed: counts.byStatus.claimed ?? 0 },
    events: counts.byStatus,
    deliveries: counts.deliveries,
    duplicateDeliveries: counts.duplicateDeliveries,
    failures,
    openFailures: failureCounts.filter((row) => row.status === 'open').reduce((sum, row) => sum + row.count, 0),
    lastSuccess: [...lastSuccess.values()].sort((a, b) => a.flow.localeCompare(b.flow)),
  };
}

/** Failures being retried (all categories): the Desk shows them beside the open ones. */
export function retryingFailures(report: Pick<HealthReport, 'failures'>): number {
  return Object.values(report.failures).reduce((sum, byStatus) => sum + (byStatus.retrying ?? 0), 0);
}
