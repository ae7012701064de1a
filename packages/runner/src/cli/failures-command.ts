import type { Command } from 'commander';
import { FAILURE_STATUSES, type FailureAction, type FailureActionResult, type FailureFilter, type FailureRecord } from '../store/store';
import { emit, exitCodeOf, positiveInt, type CliContext } from './cli-context';
import { withCliStore, withStoreOptions, type StoreOptions } from './cli-store';
import { evidenceLine } from './events-command';

interface ListOptions extends StoreOptions {
  readonly category?: string;
  readonly code?: string;
  readonly status: string;
  readonly json?: boolean;
}

interface ActOptions extends StoreOptions {
  readonly category?: string;
  readonly code?: string;
  readonly json?: boolean;
}

function filterOf(options: { category?: string; code?: string }, status: string | undefined): FailureFilter {
  return { ...(status === undefined ? {} : { status }), ...(options.category === undefined ? {} : { category: options.category }), ...(options.code === undefined ? {} : { code: options.code }) };
}

function failureLine(failure: FailureRecord): string {
  const seen = failure.occurrences > 1 ? ` (×${failure.occurrences})` : '';
  return `${String(failure.id).padStart(5)}  ${failure.status.padEnd(8)}  ${failure.category.padEnd(12)}  ${failure.code}${seen}  event ${failure.inboxId}: ${failure.message}`;
}

export async function runFailuresList(options: ListOptions, ctx: CliContext): Promise<number> {
  if (options.status !== 'all' && !(FAILURE_STATUSES as readonly string[]).includes(options.status)) {
    ctx.io.err(`--status must be one of ${FAILURE_STATUSES.join(', ')} or all, got "${options.status}"`);
    return 2;
  }
  return withCliStore(options, ctx, async (store) => {
    const failures = await store.failures(filterOf(options, options.status === 'all' ? undefined : options.status));
    emit(ctx, options.json, failures, () => (failures.length === 0 ? 'no failures' : failures.map(failureLine).join('\n')));
    return 0;
  });
}

export async function runFailuresShow(id: number, options: StoreOptions & { json?: boolean }, ctx: CliContext): Promise<number> {
  return withCliStore(options, ctx, async (store) => {
    const failure = await store.getFailure(id);
    if (failure === null) {
      ctx.io.err(`no failure ${id}`);
      return 1;
    }
    const evidence = await store.evidence(failure.inboxId);
    emit(ctx, options.json, { failure, evidence }, () =>
      [
        `failure ${failure.id} [${failure.category}] ${failure.code} — ${failure.status}${failure.retryable ? ' (retry-safe)' : ''}`,
        failure.message,
        `resource ${failure.resourceKey}; first ${failure.createdAt}, last ${failure.lastSeenAt}, ${failure.occurrences} occurrence(s); events now held: ${failure.eventIds.join(', ') || 'none'}`,
        `details: ${JSON.stringify(failure.details)}`,
        `evidence of event ${failure.inboxId}:`,
        ...evidence.map((row) => `  ${evidenceLine(row)}`),
      ].join('\n'),
    );
    return 0;
  });
}

const OK_OUTCOMES = new Set(['retrying', 'ignored', 'already_retrying', 'already_ignored', 'already_resolved']);

/**
 * retry | requeue | ignore, by ids or by filter (open failures of a category or code). Every call is
 * safe to repeat: a second retry finds the failure retrying and changes nothing.
 */
export async function runFailuresAction(action: FailureAction, ids: readonly number[], options: ActOptions, ctx: CliContext): Promise<number> {
  if (ids.length === 0 && options.category === undefined && options.code === undefined) {
    ctx.io.err(`failures ${action}: name failure ids, or select with --category and/or --code`);
    return 2;
  }
  return withCliStore(options, ctx, async (store) => {
    const selected = ids.length > 0 ? [...ids] : (await store.failures(filterOf(options, 'open'))).map((failure) => failure.id);
    const results: FailureActionResult[] = [];
    for (const id of selected) results.push(await store.actOnFailure(id, action, ctx.now()));
    emit(ctx, options.json, results, () =>
      results.length === 0 ? 'no open failures match' : results.map((r) => `failure ${r.failureId}: ${r.outcome} — ${r.message}`).join('\n'),
    );
    return results.every((r) => OK_OUTCOMES.has(r.outcome)) ? 0 : 1;
  });
}

export function registerFailuresCommand(program: Command, ctx: CliContext): void {
  const failures = program.command('failures').description('parked failures: list, show, retry, requeue, ignore');
  withStoreOptions(failures.command('list').description('failures, oldest first'))
    .option('--category <category>', 'transient, rate_limited, auth, mapping, validation, conflict, drift or internal')
    .option('--code <code>', 'a failure code, e.g. mapping.sku_missing')
    .option('--status <status>', `${FAILURE_STATUSES.join(', ')} or all`, 'open')
    .option('--json', 'print JSON')
    .action((options: ListOptions) => exitCodeOf(runFailuresList(options, ctx)));
  withStoreOptions(failures.command('show').description('one failure, its events and the evidence of the latest').argument('<id>', 'failure id', positiveInt('failure id')))
    .option('--json', 'print JSON')
    .action((id: number, options: StoreOptions & { json?: boolean }) => exitCodeOf(runFailuresShow(id, options, ctx)));
  const actions: Array<[FailureAction, string]> = [
    ['retry', 're-apply the same stored event(s): back to pending, attempts reset; the failure resolves when they apply'],
    ['requeue', 'like retry, recorded as a requeue (the event is planned again from the stored payload)'],
    ['ignore', 'mark the failure ignored; its event stays failed'],
  ];
  for (const [action, description] of actions) {
    withStoreOptions(failures.command(action).description(description).argument('[ids...]', 'failure ids'))
      .option('--category <category>', 'every open failure of this category')
      .option('--code <code>', 'every open failure with this code')
      .option('--json', 'print JSON')
      .action((ids: string[], options: ActOptions) => exitCodeOf(runFailuresAction(action, ids.map(positiveInt('failure id')), options, ctx)));
  }
}
