import { createHash } from 'node:crypto';

export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';

export interface BulkOperationRecord {
  id: number;
  status: BulkStatus;
  query: string;
  createdAt: Date;
  completedAt: Date | null;
  /** Shop-clock milliseconds at which the operation completes. */
  readyAtMs: number;
  /** The JSONL result, or null when the run failed. */
  jsonl: string | null;
  objectCount: number;
  rootObjectCount: number;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  /** Unguessable path segment of the result URL (Shopify hands out signed storage URLs). */
  token: string;
}

/** Shopify 2026-01+: up to 5 bulk queries at a time per app and shop (notes §7). */
export const MAX_RUNNING_BULK_QUERIES = 5;

/**
 * Bulk operations of the shop. The query runs when it is submitted (a snapshot, like Shopify's);
 * the operation reports CREATED, then RUNNING until `durationMs` of shop time have passed, then
 * COMPLETED with a result URL. Completion is noticed on the next API request (`settle`), which
 * fires bulk_operations/finish.
 */
export class BulkOperationStore {
  private readonly byId = new Map<number, BulkOperationRecord>();
  private readonly byToken = new Map<string, BulkOperationRecord>();

  constructor(
    private readonly clockMs: () => number,
    private readonly durationMs: number,
    private readonly onFinish: (operation: BulkOperationRecord) => void,
  ) {}

  running(): BulkOperationRecord[] {
    return [...this.byId.values()].filter((op) => op.status === 'CREATED' || op.status === 'RUNNING');
  }

  add(id: number, query: string, outcome: { jsonl: string; objectCount: number; rootObjectCount: number } | { error: 'INTERNAL_SERVER_ERROR' }): BulkOperationRecord {
    const now = this.clockMs();
    const token = createHash('sha256').update(`bulk-result:${id}:${now}`).digest('hex').slice(0, 40);
    const record: BulkOperationRecord = {
      id,
      status: 'CREATED',
      query,
      createdAt: new Date(Math.floor(now / 1000) * 1000),
      completedAt: null,
      readyAtMs: now + this.durationMs,
      jsonl: 'jsonl' in outcome ? outcome.jsonl : null,
      objectCount: 'jsonl' in outcome ? outcome.objectCount : 0,
      rootObjectCount: 'jsonl' in outcome ? outcome.rootObjectCount : 0,
      errorCode: 'error' in outcome ? outcome.error : null,
      token,
    };
    this.byId.set(id, record);
    this.byToken.set(token, record);
    return record;
  }

  get(id: number): BulkOperationRecord | undefined {
    const record = this.byId.get(id);
    if (record) this.advance(record);
    return record;
  }

  /** The newest operation (type QUERY: the only type simulated). */
  current(): BulkOperationRecord | undefined {
    this.settle();
    return [...this.byId.values()].pop();
  }

  all(): BulkOperationRecord[] {
    this.settle();
    return [...this.byId.values()];
  }

  cancel(id: number): BulkOperationRecord | 'not-found' | 'finished' {
    const record = this.get(id);
    if (!record) return 'not-found';
    if (record.status !== 'CREATED' && record.status !== 'RUNNING') return 'finished';
    record.status = 'CANCELED';
    record.completedAt = new Date(this.clockMs());
    record.jsonl = null;
    return record;
  }

  /** JSONL of a completed operation by its URL token. */
  result(token: string): string | undefined {
    const record = this.byToken.get(token);
    return record?.status === 'COMPLETED' && record.jsonl !== null ? record.jsonl : undefined;
  }

  /** Completes what is due; called at the start of every Admin API request. */
  settle(): void {
    for (const record of this.byId.values()) this.advance(record);
  }

  private advance(record: BulkOperationRecord): void {
    if (record.status !== 'CREATED' && record.status !== 'RUNNING') return;
    const now = this.clockMs();
    if (now < record.readyAtMs) {
      record.status = 'RUNNING';
      return;
    }
    record.status = record.errorCode === null ? 'COMPLETED' : 'FAILED';
    record.completedAt = new Date(Math.floor(now / 1000) * 1000);
    this.onFinish(record);
  }
}
