import type { PruneResult } from '../store-records';

/** Run hourly by the runner: bounds the database by age, never losing what an operator must act on. */
export interface RetentionPort {
  /**
   * Removes settled events (not failed ones) that finished before `olderThan`, with their evidence
   * and deliveries, and resolved failures resolved before it. Failed events, open, retrying and
   * ignored failures stay until an operator acts on them.
   */
  pruneEvidence(olderThan: Date): Promise<PruneResult>;
}

export interface LifecyclePort {
  /** Throws when the store cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
