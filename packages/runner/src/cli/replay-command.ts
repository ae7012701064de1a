import type { Command } from 'commander';
import type { RequeueOutcome } from '../store/store';
import { emit, exitCodeOf, positiveInt, type CliContext } from './cli-context';
import { withCliStore, withStoreOptions, type StoreOptions } from './cli-store';

const SAYS: Record<RequeueOutcome, string> = {
  requeued: 'pending again; a running `shopsync serve` re-runs it through the same path (its writes are keyed, so nothing is duplicated)',
  already_pending: 'already pending or being processed; nothing to do',
  not_found: 'no such event',
};

/** Re-runs settled events (applied, failed, skipped …) through the normal worker path. */
export async function runReplay(ids: readonly number[], options: StoreOptions & { json?: boolean }, ctx: CliContext): Promise<number> {
  return withCliStore(options, ctx, async (store) => {
    const results: Array<{ eventId: number; outcome: RequeueOutcome }> = [];
    for (const eventId of ids) results.push({ eventId, outcome: await store.requeueEvent(eventId, 'replay', ctx.now()) });
    emit(ctx, options.json, results, () => results.map((r) => `event ${r.eventId}: ${SAYS[r.outcome]}`).join('\n'));
    return results.some((r) => r.outcome === 'not_found') ? 1 : 0;
  });
}

export function registerReplayCommand(program: Command, ctx: CliContext): void {
  withStoreOptions(program.command('replay').description('re-run stored events (applied or failed) through the same path').argument('<ids...>', 'event ids'))
    .option('--json', 'print JSON')
    .action((ids: string[], options: StoreOptions & { json?: boolean }) => exitCodeOf(runReplay(ids.map(positiveInt('event id')), options, ctx)));
}
