export interface AppliedOperation {
  readonly doctype: string;
  readonly name: string;
  /** The content digest the document holds, for documents that follow later changes (Revision). */
  readonly revision?: string | null;
}

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
}
