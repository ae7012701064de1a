export interface AppliedOperation {
  readonly doctype: string;
  readonly name: string;
  /** The content digest the document holds, for documents that follow later changes (Revision). */
  readonly revision?: string | null;
}

/** One of the writes recordAll makes: addEvidence's, recordOperation's or advanceVersion's arguments. */
export type LedgerWrite =
  | { readonly kind: 'evidence'; readonly inboxId: number; readonly evidenceKind: string; readonly data: unknown; readonly at: Date }
  | { readonly kind: 'operation'; readonly key: string; readonly operation: AppliedOperation; readonly inboxId: number; readonly at: Date }
  | { readonly kind: 'version'; readonly resourceKey: string; readonly version: string; readonly snapshot: string; readonly at: Date };

/**
 * What the worker remembers while it applies a plan: the evidence trail of an event, the operation
 * keys already written to ERPNext (so a retry never writes twice), and the newest Shopify state
 * applied per resource (so an older event cannot undo a newer one).
 */
export interface LedgerPort {
  addEvidence(inboxId: number, kind: string, data: unknown, now: Date): Promise<void>;
  findOperation(key: string): Promise<AppliedOperation | null>;
  recordOperation(key: string, operation: AppliedOperation, inboxId: number, now: Date): Promise<void>;
  /** The newest Shopify version (updated_at) applied for a resource, and the payload that carried it. */
  resourceVersion(resourceKey: string): Promise<{ version: string | null; snapshot: string | null }>;
  /** Moves the version forward (never back), keeping the payload as the resource's latest state. */
  advanceVersion(resourceKey: string, version: string, snapshot: string, now: Date): Promise<void>;
  /**
   * The writes of the three methods above, in the order given and in one transaction (all or none):
   * what a worker kept of one event while applying it (worker/event-unit-of-work.ts), one round trip.
   */
  recordAll(writes: readonly LedgerWrite[]): Promise<void>;
}
