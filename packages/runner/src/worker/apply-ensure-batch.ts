import { SyncError, isSyncError, type EnsureDocumentOperation, type EnsureMappedDocumentOperation, type Operation, type UpdateDocumentOperation } from '@shopsync/core';
import type { ApplyContext } from './apply-context';
import { recordUpdated } from './apply-update-document';
import { APPLY_DOCUMENTS, type DocumentWrites } from './document-writes';
import { cancelledConflict, recordEnsured } from './finish-ensure';
import { isKeyClash } from './key-clash';

export type EnsureOperation = EnsureDocumentOperation | EnsureMappedDocumentOperation;

/** What a batch may carry: ensures (a key look-up there) and updates (compared there); never a cancel. */
export type BatchOperation = EnsureOperation | UpdateDocumentOperation;

export const isEnsure = (op: Operation): op is EnsureOperation => op.kind === 'ensure_document' || op.kind === 'ensure_mapped_document';

interface EnsuredRow {
  readonly kind: 'ensured';
  readonly name: string;
  readonly docstatus: number;
  readonly step: 'inserted' | 'adopted';
  readonly submitted: boolean;
}

interface UpdatedRow {
  readonly kind: 'updated';
  readonly name: string;
  readonly changed: readonly string[];
}

type AppliedRow = EnsuredRow | UpdatedRow;

/** How far a batch got: the operations it did, in order, and whether the rest of the plan goes one by one. */
export interface BatchOutcome {
  readonly done: number;
  readonly oneByOne: boolean;
}

const unexpected = (why: string, answer: unknown): SyncError =>
  SyncError.of('erpnext.unexpected_response', { message: `${APPLY_DOCUMENTS} answered something other than its result: ${why}`, details: { answer } });

/** One answer row, checked against the operation at its place: an ensure's row or an update's. */
function readRow(raw: unknown, op: BatchOperation | undefined, index: number, answer: unknown): AppliedRow {
  const row = (raw ?? {}) as Partial<Record<'key' | 'name' | 'docstatus' | 'step' | 'submitted' | 'changed', unknown>>;
  if (op === undefined || row.key !== op.key) throw unexpected(`row ${index + 1} is not operation ${op?.key ?? '(none)'}`, answer);
  if (typeof row.name !== 'string' || row.name === '') throw unexpected(`row ${index + 1} is incomplete`, answer);
  if (op.kind === 'update_document') {
    const changed = row.changed;
    const fields = Object.keys(op.changes);
    if (!Array.isArray(changed) || !changed.every((field) => typeof field === 'string' && fields.includes(field))) throw unexpected(`row ${index + 1} is incomplete`, answer);
    if (row.step !== (changed.length > 0 ? 'updated' : 'unchanged')) throw unexpected(`row ${index + 1} is incomplete`, answer);
    return { kind: 'updated', name: row.name, changed: changed as string[] };
  }
  if (typeof row.docstatus !== 'number' || (row.step !== 'inserted' && row.step !== 'adopted')) throw unexpected(`row ${index + 1} is incomplete`, answer);
  return { kind: 'ensured', name: row.name, docstatus: row.docstatus, step: row.step, submitted: row.submitted === true };
}

/** Checks the answer against the run it was sent: every row names the operation at its place. */
function readAnswer(answer: unknown, run: readonly BatchOperation[]): { applied: AppliedRow[]; stoppedAt: string | null } {
  const body = answer as { applied?: unknown; stopped_at?: unknown } | null | undefined;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.applied)) throw unexpected('no list of applied operations', answer);
  const stoppedAt = body.stopped_at ?? null;
  const applied = (body.applied as unknown[]).map((raw, index) => readRow(raw, run[index], index, answer));
  const next = run[applied.length]?.key ?? null;
  if (stoppedAt !== next) throw unexpected(`it stopped at ${String(stoppedAt)} after ${applied.length} of ${run.length} operations`, answer);
  return { applied, stoppedAt: next };
}

/** A row the plan names missing from ERPNext's mapped draft: the same conflict apply-table-edits.ts raises. */
function rowNotOffered(error: unknown): SyncError | undefined {
  if (!isSyncError(error) || error.details.excType !== 'RowNotOfferedError') return undefined;
  const text = error.message.split('\n').find((line) => line.startsWith("ERPNext's draft ")) ?? error.message;
  const parts = /^ERPNext's draft (.+) has no (\S+) row with \S+ (.+)$/.exec(text);
  return SyncError.of('conflict.row_not_offered', { message: text, details: parts ? { doctype: parts[1], table: parts[2], match: parts[3] } : {}, cause: error });
}

/**
 * Writes a run of the plan's ensure operations, none of whose keys the store knows, and update
 * operations, in one request to the companion app (one transaction there), and records each as the
 * one-by-one path does (finishEnsure, applyUpdateDocument), with `via`. The app adopts what a key
 * already holds and inserts the rest; it compares an update's fields with what its document holds
 * and saves only those that differ. It stops at a cancelled document or at an operation with a
 * revision that found its document, and that operation and every one after it go one by one (the
 * cancelled conflict, an amendment). Lost response, crash, a concurrent worker that won a key: the
 * replay sends the run again, the app adopts what the first attempt kept and finds the updates done.
 * An older app that takes no updates refuses the whole request: `done` 0, and the caller builds the
 * run again without them (DocumentWrites.fallBackOnUpdates).
 */
export async function applyBatch(run: readonly BatchOperation[], ctx: ApplyContext & { readonly names: Map<string, string> }, writes: DocumentWrites): Promise<BatchOutcome> {
  let answer: unknown;
  try {
    answer = await ctx.erpnext.callMethod(APPLY_DOCUMENTS, { operations: run, names: Object.fromEntries(ctx.names) }, { verb: 'POST' });
  } catch (error) {
    if (writes.fallBackOn(error)) return { done: 0, oneByOne: true };
    if (writes.fallBackOnUpdates(error)) return { done: 0, oneByOne: false };
    // Another worker committed a document for one of these keys between our look-up and insert: this
    // request was rolled back whole, and the one-by-one path adopts the other's document.
    if (isKeyClash(error)) return { done: 0, oneByOne: true };
    throw rowNotOffered(error) ?? error;
  }
  const { applied, stoppedAt } = readAnswer(answer, run);
  for (const [index, row] of applied.entries()) {
    const op = run[index] as BatchOperation;
    if (row.kind === 'updated') {
      await recordUpdated(op, row.name, row.changed, ctx, { via: APPLY_DOCUMENTS });
    } else {
      const ensure = op as EnsureOperation;
      if (row.docstatus === 2) throw cancelledConflict(ensure.doctype, row.name, ensure.key);
      // The mapper's arguments travel in this POST's JSON body, so they keep their types (see apply-ensure-mapped-document.ts).
      const mapper = ensure.kind === 'ensure_mapped_document' ? { mapper: { method: ensure.method, verb: 'POST' } } : {};
      await recordEnsured(ensure, row.name, row.step, row.submitted, ctx, { via: APPLY_DOCUMENTS, ...mapper });
    }
    ctx.names.set(op.key, row.name);
  }
  return { done: applied.length, oneByOne: stoppedAt !== null };
}
