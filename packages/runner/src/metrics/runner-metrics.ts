import { FAILURE_CATEGORIES } from '@shopsync/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OperatorQueryPort } from '../store/store';
import { FAILURE_STATUSES } from '../store/store-records';

/** Ingress outcomes, pre-registered at zero so a dashboard shows a flat line rather than no data. */
export const WEBHOOK_OUTCOMES = [
  'accepted',
  'duplicate',
  'bad_signature',
  'missing_header',
  'malformed_header',
  'unknown_shop',
  'bad_headers',
  'bad_json',
  'internal_topic',
  'too_large',
  'aborted',
  'store_failed',
] as const;

export const SETTLE_RESULTS = ['applied', 'skipped', 'superseded', 'failed', 'retry', 'waiting', 'deferred', 'lost_claim'] as const;

export interface RunnerMetrics {
  readonly registry: Registry;
  webhook(outcome: string, seconds: number): void;
  batch(size: number): void;
  settled(result: string, seconds: number): void;
  parked(category: string): void;
  render(): Promise<string>;
}

/**
 * One prom-client registry per runner (never the global one), so two runners in one process — tests,
 * or a shadow runner beside a live one — never mix their numbers. Backlog and failure gauges are read
 * from the store when scraped, so they are right even after a restart or a CLI retry.
 */
export function createRunnerMetrics(options: { store: OperatorQueryPort; processMetrics?: boolean }): RunnerMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const received = new Counter({ name: 'shopsync_webhooks_received_total', help: 'Webhook requests by outcome', labelNames: ['outcome'], registers });
  const ack = new Histogram({
    name: 'shopsync_ingress_ack_seconds',
    help: 'From the request to its answer (for accepted webhooks: after the commit)',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const batchSize = new Histogram({ name: 'shopsync_ingress_commit_batch_size', help: 'Webhooks committed per transaction (group commit)', buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], registers });
  const settledTotal = new Counter({ name: 'shopsync_events_settled_total', help: 'Processed events by result', labelNames: ['result'], registers });
  const processing = new Histogram({
    name: 'shopsync_event_processing_seconds',
    help: 'From claim to settle, per event',
    labelNames: ['result'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const parkedTotal = new Counter({ name: 'shopsync_failures_parked_total', help: 'Events parked as failures, by category', labelNames: ['category'], registers });
  new Gauge({
    name: 'shopsync_backlog_events',
    help: 'Events not yet terminal: pending (including waiting for a retry) and claimed',
    labelNames: ['state'],
    registers,
    async collect() {
      const counts = await options.store.counts();
      this.set({ state: 'pending' }, counts.byStatus.pending ?? 0);
      this.set({ state: 'claimed' }, counts.byStatus.claimed ?? 0);
    },
  });
  new Gauge({
    name: 'shopsync_failures',
    help: 'Failures in the store by category and status (open, retrying, resolved, ignored)',
    labelNames: ['category', 'status'],
    registers,
    async collect() {
      this.reset();
      for (const category of FAILURE_CATEGORIES) for (const status of FAILURE_STATUSES) this.set({ category, status }, 0);
      for (const row of await options.store.failureCounts()) this.set({ category: row.category, status: row.status }, row.count);
    },
  });
  for (const outcome of WEBHOOK_OUTCOMES) received.inc({ outcome }, 0);
  for (const result of SETTLE_RESULTS) settledTotal.inc({ result }, 0);
  for (const category of FAILURE_CATEGORIES) parkedTotal.inc({ category }, 0);

  return {
    registry,
    webhook(outcome, seconds) {
      received.inc({ outcome });
      ack.observe({ outcome }, seconds);
    },
    batch: (size) => batchSize.observe(size),
    settled(result, seconds) {
      settledTotal.inc({ result });
      processing.observe({ result }, seconds);
    },
    parked: (category) => parkedTotal.inc({ category }),
    render: () => registry.metrics(),
  };
}
