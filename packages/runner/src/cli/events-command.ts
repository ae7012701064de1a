import type { Command } from 'commander';
import type { EventSummary, EvidenceRecord, FailureRecord } from '../store/store';
import { emit, exitCodeOf, positiveInt, type CliContext } from './cli-context';
import { withCliStore, withStoreOptions, type StoreOptions } from './cli-store';

interface ListOptions extends StoreOptions {
  readonly status?: string;
  readonly topic?: string;
  readonly limit: number;
  readonly json?: boolean;
}

const clip = (text: string | null, width: number) => (text === null ? '' : text.length <= width ? text : `${text.slice(0, width - 1)}…`);

function eventLine(event: EventSummary): string {
  return [String(event.id).padStart(6), event.status.padEnd(10), event.topic.padEnd(18), event.receivedAt, `attempts ${event.attempts}`, clip(event.reason, 80)].join('  ').trimEnd();
}

/** One evidence row as a line: when, what, and its data compacted. */
export function evidenceLine(row: EvidenceRecord): string {
  return `${row.at}  ${row.kind.padEnd(18)} ${clip(JSON.stringify(row.data), 160)}`;
}

export async function runEventsList(options: ListOptions, ctx: CliContext): Promise<number> {
  return withCliStore(options, ctx, async (store) => {
    const filter = { limit: options.limit, ...(options.status === undefined ? {} : { status: options.status }), ...(options.topic === undefined ? {} : { topic: options.topic }) };
    const events = await store.listEvents(filter);
    emit(ctx, options.json, events, () => (events.length === 0 ? 'no events' : events.map(eventLine).join('\n')));
    return 0;
  });
}

export async function runEventsShow(id: number, options: StoreOptions & { json?: boolean }, ctx: CliContext): Promise<number> {
  return withCliStore(options, ctx, async (store) => {
    const event = await store.getEvent(id);
    if (event === null) {
      ctx.io.err(`no event ${id}`);
      return 1;
    }
    const evidence = await store.evidence(id);
    const failures: FailureRecord[] = (await store.failures({})).filter((failure) => failure.inboxId === id);
    emit(ctx, options.json, { event, evidence, failures }, () =>
      [
        `event ${event.id}: ${event.topic} from ${event.shop} — ${event.status}${event.reason === null ? '' : ` (${event.reason})`}`,
        `webhook ${event.webhookId}, resource ${event.resourceKey}, received ${event.receivedAt}, attempts ${event.attempts}, payload sha256 ${event.payloadHash}`,
        ...failures.map((failure) => `failure ${failure.id} [${failure.category}/${failure.status}] ${failure.code}: ${failure.message}`),
        'evidence:',
        ...evidence.map((row) => `  ${evidenceLine(row)}`),
      ].join('\n'),
    );
    return 0;
  });
}

export function registerEventsCommand(program: Command, ctx: CliContext): void {
  const events = program.command('events').description('the inbox: stored webhook events and their evidence');
  withStoreOptions(events.command('list').description('events, newest first'))
    .option('--status <status>', 'only events in this status (pending, claimed, applied, skipped, superseded, failed …)')
    .option('--topic <topic>', 'only this webhook topic, e.g. orders/paid')
    .option('--limit <n>', 'at most this many', positiveInt('--limit'), 50)
    .option('--json', 'print JSON')
    .action((options: ListOptions) => exitCodeOf(runEventsList(options, ctx)));
  withStoreOptions(events.command('show').description('one event and its evidence trail, in order').argument('<id>', 'event id', positiveInt('event id')))
    .option('--json', 'print JSON')
    .action((id: number, options: StoreOptions & { json?: boolean }) => exitCodeOf(runEventsShow(id, options, ctx)));
}
