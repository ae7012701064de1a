import type { Operation } from '@shopsync/core';
import type { LedgerPort } from '../store/store';
import type { ApplyContext } from './apply-context';
import { applyEnsureBatch, isEnsure, type EnsureOperation } from './apply-ensure-batch';
import { applyOperation } from './apply-operation';
import type { DocumentWrites } from './document-writes';

/**
 * The ensure operations from `from` on, up to the first that is not an ensure or whose key the store
 * knows. The keys are looked up together (reads, in one round trip to a store on its own thread).
 */
async function unknownEnsureRun(operations: readonly Operation[], from: number, store: LedgerPort): Promise<EnsureOperation[]> {
  const ensures: EnsureOperation[] = [];
  for (const op of operations.slice(from)) {
    if (!isEnsure(op)) break;
    ensures.push(op);
  }
  const known = await Promise.all(ensures.map((op) => store.findOperation(op.key)));
  const firstKnown = known.findIndex((operation) => operation !== null);
  return firstKnown === -1 ? ensures : ensures.slice(0, firstKnown);
}

/**
 * Applies a plan's operations in order, filling `names` by key. With batched writes, each run of
 * ensure operations the store does not know goes to ERPNext in one request (apply-ensure-batch.ts);
 * known keys (no request at all), updates and cancels go one by one, as does everything from the
 * operation a batch stopped at. Without `writes`, or in 'rest' mode, every operation goes one by one.
 */
export async function applyPlan(operations: readonly Operation[], ctx: ApplyContext & { readonly names: Map<string, string> }, writes: DocumentWrites | undefined): Promise<void> {
  let batching = writes !== undefined;
  for (let index = 0; index < operations.length; ) {
    const run = batching && writes?.mode === 'batch' ? await unknownEnsureRun(operations, index, ctx.store) : [];
    if (run.length > 0 && writes !== undefined) {
      const outcome = await applyEnsureBatch(run, ctx, writes);
      index += outcome.done;
      if (outcome.oneByOne) batching = false;
      continue;
    }
    const op = operations[index] as Operation;
    const applied = await applyOperation(op, ctx);
    ctx.names.set(op.key, applied.name);
    index += 1;
  }
}
