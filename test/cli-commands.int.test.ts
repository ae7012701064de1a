import { join } from 'node:path';
import {
  runEventsList,
  runEventsShow,
  runFailuresAction,
  runFailuresList,
  runFailuresShow,
  runReplay,
  runStatus,
  formatStatus,
  type EventSummary,
  type FailureActionResult,
  type FailureRecord,
  type StatusReport,
} from '@shopsync/runner';
import { recordingContext, seedStateFile, withStateFile } from './support/cli-harness';
import { useTempDir } from './support/temp-dir';

describe('operator commands against a state file', () => {
  const dir = useTempDir();
  let db: string;
  let ids: Awaited<ReturnType<typeof seedStateFile>>;

  beforeEach(async () => {
    db = join(dir(), 'state.sqlite');
    ids = await seedStateFile(db);
  });

  test('status: backlog, failures by category, last success per flow (the topic prefix)', async () => {
    const ctx = recordingContext();
    expect(await runStatus({ db, json: true }, ctx)).toBe(0);
    const report = ctx.json<StatusReport>();
    expect(report.backlog).toEqual({ pending: 1, claimed: 0 });
    expect(report.failures).toEqual({ mapping: { open: 2 }, auth: { open: 1 } });
    expect(report.openFailures).toBe(3);
    expect(report.lastSuccess).toEqual([{ flow: 'orders', at: '2026-11-27T10:01:00.000Z', topic: 'orders/paid' }]);
    const text = recordingContext();
    await runStatus({ db }, text);
    expect(text.out()).toContain('backlog: 1 pending, 0 claimed');
    expect(text.out()).toMatch(/mapping\s+open 2/);
    expect(text.out()).toMatch(/orders\s+2026-11-27T10:01:00.000Z \(orders\/paid\)/);
  });

  test('status pads its columns to the longest flow name: order_transactions and its time stay apart', () => {
    const report: StatusReport = {
      backlog: { pending: 0, claimed: 0 },
      events: {},
      deliveries: 0,
      duplicateDeliveries: 0,
      failures: {},
      openFailures: 0,
      lastSuccess: [
        { flow: 'order_transactions', at: '2026-11-27T10:01:00.000Z', topic: 'order_transactions/create' },
        { flow: 'orders', at: '2026-11-27T10:02:00.000Z', topic: 'orders/paid' },
      ],
      shadow: [],
    };
    const lines = formatStatus(report).split('\n');
    expect(lines).toContain('  order_transactions  2026-11-27T10:01:00.000Z (order_transactions/create)');
    expect(lines).toContain('  orders              2026-11-27T10:02:00.000Z (orders/paid)');
  });

  test('events list filters by status and topic and limits, newest first', async () => {
    const ctx = recordingContext();
    await runEventsList({ db, status: 'failed', limit: 50, json: true }, ctx);
    expect(ctx.json<EventSummary[]>().map((event) => event.id)).toEqual([ids.auth, ids.mappingB, ids.mappingA]);
    const topic = recordingContext();
    await runEventsList({ db, topic: 'orders/create', limit: 1, json: true }, topic);
    expect(topic.json<EventSummary[]>().map((event) => event.id)).toEqual([ids.mappingB]);
  });

  test('events show prints the evidence trail in order, with the failure', async () => {
    const ctx = recordingContext();
    expect(await runEventsShow(ids.mappingA, { db, json: true }, ctx)).toBe(0);
    const shown = ctx.json<{ event: { status: string; payloadHash: string }; evidence: Array<{ kind: string }>; failures: FailureRecord[] }>();
    expect(shown.event).toMatchObject({ status: 'failed', payloadHash: 'hash-mappingA' });
    expect(shown.evidence.map((row) => row.kind)).toEqual(['received', 'plan', 'result']);
    expect(shown.failures.map((f) => f.code)).toEqual(['mapping.sku_missing']);
    const text = recordingContext();
    await runEventsShow(ids.mappingA, { db }, text);
    expect(text.out().split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(/\s+/)[1])).toEqual(['received', 'plan', 'result']);
    const missing = recordingContext();
    expect(await runEventsShow(999, { db }, missing)).toBe(1);
    expect(missing.err()).toBe('no event 999');
  });

  test('failures list shows open failures by default, filtered by category, and all on request', async () => {
    const ctx = recordingContext();
    await runFailuresList({ db, status: 'open', category: 'mapping', json: true }, ctx);
    expect(ctx.json<FailureRecord[]>().map((f) => [f.inboxId, f.category])).toEqual([[ids.mappingA, 'mapping'], [ids.mappingB, 'mapping']]);
    const all = recordingContext();
    await runFailuresList({ db, status: 'all', json: true }, all);
    expect(all.json<FailureRecord[]>()).toHaveLength(3);
    const bad = recordingContext();
    expect(await runFailuresList({ db, status: 'nope' }, bad)).toBe(2);
    expect(bad.err()).toContain('--status must be one of open, retrying, resolved, ignored or all');
  });

  test('failures show names the problem, its events and the evidence of the latest', async () => {
    const [failure] = await withStateFile(db, (store) => store.failures({ category: 'auth' }));
    const ctx = recordingContext();
    await runFailuresShow(failure!.id, { db }, ctx);
    expect(ctx.out()).toContain(`failure ${failure!.id} [auth] erpnext.auth — open`);
    expect(ctx.out()).toContain('ERPNext refused the API key; fix the credentials, then retry all.');
    expect(ctx.out()).toContain(`events now held: ${ids.auth}`);
  });

  test('failures retry --category re-queues every failed event of that category once; pressing again changes nothing', async () => {
    const first = recordingContext();
    expect(await runFailuresAction('retry', [], { db, category: 'mapping', json: true }, first)).toBe(0);
    expect(first.json<FailureActionResult[]>().map((r) => [r.outcome, r.requeued])).toEqual([['retrying', [ids.mappingA]], ['retrying', [ids.mappingB]]]);
    const again = recordingContext();
    await runFailuresAction('retry', [], { db, category: 'mapping', json: true }, again);
    expect(again.json<FailureActionResult[]>()).toEqual([]);
    const byId = recordingContext();
    const retrying = await withStateFile(db, (store) => store.failures({ status: 'retrying' }));
    await runFailuresAction('retry', retrying.map((f) => f.id), { db }, byId);
    expect(byId.out()).toContain('already_retrying');
    await withStateFile(db, async (store) => {
      expect((await store.counts()).byStatus).toMatchObject({ pending: 3, failed: 1 });
      expect((await store.getEvent(ids.mappingA))?.attempts).toBe(0);
    });
  });

  test('failures requeue by code records a requeue; ignore leaves the event failed', async () => {
    const requeue = recordingContext();
    await runFailuresAction('requeue', [], { db, code: 'mapping.sku_missing' }, requeue);
    expect(requeue.out()).toMatch(/requeued: event \d+ back to pending/);
    const [auth] = await withStateFile(db, (store) => store.failures({ category: 'auth' }));
    const ignore = recordingContext();
    expect(await runFailuresAction('ignore', [auth!.id], { db }, ignore)).toBe(0);
    expect(await runFailuresAction('ignore', [auth!.id], { db }, recordingContext())).toBe(0);
    await withStateFile(db, async (store) => {
      expect((await store.evidence(ids.mappingA)).at(-1)?.kind).toBe('requeue');
      expect((await store.getEvent(ids.auth))?.status).toBe('failed');
      expect((await store.getFailure(auth!.id))?.status).toBe('ignored');
    });
    const missing = recordingContext();
    expect(await runFailuresAction('retry', [4242], { db }, missing)).toBe(1);
    expect(missing.out()).toContain('failure 4242: not_found');
    expect(await runFailuresAction('retry', [], { db }, recordingContext())).toBe(2);
  });

  test('replay puts an applied event back to pending once; unknown ids fail the command', async () => {
    const ctx = recordingContext();
    expect(await runReplay([ids.applied, ids.applied], { db, json: true }, ctx)).toBe(0);
    expect(ctx.json<Array<{ outcome: string }>>().map((r) => r.outcome)).toEqual(['requeued', 'already_pending']);
    expect(await runReplay([999], { db }, recordingContext())).toBe(1);
    await withStateFile(db, async (store) => expect((await store.evidence(ids.applied)).at(-1)).toMatchObject({ kind: 'replay', data: { previousStatus: 'applied' } }));
  });

  test('a missing state file or a bad config is reported, not created', async () => {
    const ctx = recordingContext();
    expect(await runStatus({ db: join(dir(), 'absent.sqlite') }, ctx)).toBe(1);
    expect(ctx.err()).toContain('no state database at');
    const config = recordingContext({ SHOPSYNC_CONFIG: join(dir(), 'absent.json') });
    expect(await runStatus({}, config)).toBe(2);
    expect(config.err()).toContain('absent.json');
  });
});
