import type { EventSummary } from '../store-records';

/**
 * The Sync Log mirror's cursor (DESIGN §6): which settled events ERPNext has not been shown in their
 * latest status. The mirror reads their evidence through OperatorQueryPort.
 */
export interface MirrorPort {
  /** Settled events whose latest status ERPNext's Sync Log does not show yet, oldest first. */
  eventsToMirror(limit: number): Promise<EventSummary[]>;
  markMirrored(inboxIds: readonly number[], now: Date): Promise<void>;
}
