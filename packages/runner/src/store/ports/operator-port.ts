import type { EventAction, FailureAction, FailureActionResult, RequeueOutcome } from '../operator-actions';
import type {
  EventFilter,
  EventRecord,
  EventSummary,
  EvidenceRecord,
  FailureCount,
  FailureDetail,
  FailureFilter,
  FailureRecord,
  InboxCounts,
  ShadowPlanRecord,
  TopicSuccess,
} from '../store-records';

/**
 * Operator reads (the CLI, the metrics gauges, the mirrors): read models only, no state changes, so
 * another engine can serve them from a replica.
 */
export interface OperatorQueryPort {
  /** Newest events first. */
  listEvents(filter: EventFilter): Promise<EventSummary[]>;
  getEvent(inboxId: number): Promise<EventRecord | null>;
  /** The evidence trail of one event, in the order it was written. */
  evidence(inboxId: number): Promise<EvidenceRecord[]>;
  failures(filter: FailureFilter): Promise<FailureRecord[]>;
  getFailure(failureId: number): Promise<FailureDetail | null>;
  failureCounts(): Promise<FailureCount[]>;
  /** When an event of each topic was last applied (a flow is a topic prefix). */
  lastApplied(): Promise<TopicSuccess[]>;
  counts(): Promise<InboxCounts>;
  /** What shadow mode would have done: every event it skipped, with its recorded plan, oldest first. */
  shadowPlans(): Promise<ShadowPlanRecord[]>;
}

/**
 * Operator writes (the CLI, Desk requests carried in by the Sync Failure mirror, reconcile repair):
 * each is one transaction and safe to repeat, by the rules of operator-actions.ts.
 */
export interface OperatorActionPort {
  requeueEvent(inboxId: number, action: EventAction, now: Date): Promise<RequeueOutcome>;
  actOnFailure(failureId: number, action: FailureAction, now: Date): Promise<FailureActionResult>;
}
