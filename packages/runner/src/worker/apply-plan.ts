import type { Operation } from '@shopsync/core';
import type { AppliedOperation, LedgerPort } from '../store/store';
import type { ApplyContext } from './apply-context';
import { applyBatch, isEnsure, type BatchOperation } from './apply-ensure-batch';
import { applyOperation } from './apply-operation';
import type { DocumentWrites } from './document-writes';

/** The operations one request carries, where each sits in the plan, and the plan index after the last. */
interface BatchRun {
  readonly operations: readonly BatchOperation[];
  readonly indices: readonly number[];
  readonly end: number;
}

/**
 * An ensure whose key the store knows costs no request one by one either (applyEnsureDocument and
 * applyEnsureMappedDocument answer the stored name): its name is taken here and the run goes on past
 * it. One with a revision the stored document does not have is revised one by one: it ends the run.
 */
const knownAsIs = (op: BatchOperation, known: AppliedOperation | null): known is AppliedOperation =>
  known !== null && (op.kind !== 'ensure_document' || op.revision === undefined || known.revision === op.revision.digest);

/**
 * The operations from `from` on that one request can carry: ensures the store does not know and
 * updates (always: an update is not remembered by key), up to the first cancel, or update while the
 * app takes none, or known ensure with a revision to make. Known ensures in between cost nothing and
 * fill `names`, as they would one by one. The keys are looked up together (reads, in one round trip
 * to a store on its own thread).
 */
async function batchableRun(operations: readonly Operation[], from: number, store: LedgerPort, names: Map<string, string>, updates: boolean): Promise<BatchRun> {
  const candidates: BatchOperation[] = [];
  for (const op of operations.slice(from)) {
    if (!isEnsure(op) && !(updates && op.kind === 'update_document')) break;
    candidates.push(op);
  }
  const known = await Promise.all(candidates.map((op) => (isEnsure(op) ? store.findOperation(op.key) : Promise.resolve(null))));
  const run: BatchOperation[] = [];
  const indices: number[] = [];
  let end = from;
  for (const [offset, op] of candidates.entries()) {
    const stored = known[offset] ?? null;
    if (stored !== null && !knownAsIs(op, stored)) break;
    if (knownAsIs(op, stored)) names.set(op.key, stored.name);
    else {
      run.push(op);
      indices.push(from + offset);
    }
    end = from + offset + 1;
  }
  return { operations: run, indices, end };
}

/**
 * Applies a plan's operations in order, filling `names` by key. With batched writes, each run of
 * ensures the store does not know and updates goes to ERPNext in one request (apply-ensure-batch.ts);
 * known keys cost no request and do not split a run; cancels go one by one, as does everything from
 * the operation a batch stopped at (and updates, once an older app refused them). Without `writes`,
 * or in 'rest' mode, every operation goes one by one.
 */
export async function applyPlan(operations: readonly Operation[], ctx: ApplyContext & { readonly names: Map<string, string> }, writes: DocumentWrites | undefined): Promise<void> {
  let batching = writes !== undefined;
  for (let index = 0; index < operations.length; ) {
    if (batching && writes?.mode === 'batch') {
      const run = await batchableRun(operations, index, ctx.store, ctx.names, writes.batchesUpdates);
      if (run.operations.length === 0 && run.end > index) {
        index = run.end;
        continue;
      }
      if (run.operations.length > 0) {
        const outcome = await applyBatch(run.operations, ctx, writes);
        if (outcome.oneByOne) batching = false;
        index = outcome.done === run.operations.length ? run.end : (run.indices[outcome.done] as number);
        continue;
      }
    }
    const op = operations[index] as Operation;
    const applied = await applyOperation(op, ctx);
    ctx.names.set(op.key, applied.name);
    index += 1;
  }
}
