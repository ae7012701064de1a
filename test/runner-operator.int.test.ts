import { join } from 'node:path';
import { SyncError } from '@shopsync/core';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createRunner, openSqliteStore, parseConfig, runFailuresAction, runReplay, type FailureActionResult, type Runner, type Store } from '@shopsync/runner';
import { webhookHmac } from '@shopsync/shopify-client';
import { recordingContext } from './support/cli-harness';
import { FakeErpnext } from './support/fake-erpnext';
import { simulatedOrder } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

const SHOP = 'shopsync-demo.myshopify.com';
const SECRET = 'operator-secret';
const DAY = 86_400_000;

/**
 * The operator's loop against a running runner: an event fails for a reason retrying cannot fix, the
 * operator fixes the cause and presses retry (the CLI, on its own connection to the state file), the
 * runner applies the same stored event, the failure resolves; pressing again and replaying write nothing new.
 */
describe('operator actions on a running runner', () => {
  const dir = useTempDir();
  let clock: Date;
  let runner: Runner;
  let store: Store;
  let erpnext: FakeErpnext;
  let db: string;

  beforeEach(async () => {
    db = join(dir(), 'state.sqlite');
    clock = new Date('2026-11-27T10:00:00.000Z');
    const parsed = parseConfig({
      shops: [{ domain: SHOP, webhookSecrets: [SECRET] }],
      erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
      store: { path: db, retentionDays: 7 },
      server: { port: 0 },
      worker: { pollMs: 10 },
      mapping: DEMO_MAPPING,
      flows: { orders: 'live', customers: 'live' },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    store = openSqliteStore({ path: db, synchronous: 'NORMAL' });
    erpnext = new FakeErpnext();
    runner = createRunner({ config: parsed.config, store, erpnext, logger: createLogger({ level: 'silent' }), now: () => clock, jitter: () => 0.5, processMetrics: false });
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
  });

  const nextSettled = () => new Promise<string>((resolve) => runner.workers.once('event:settled', (_event, result) => resolve(result)));

  async function deliver(url: string, body: string, webhookId: string) {
    const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': SHOP, 'x-shopify-webhook-id': webhookId, 'x-shopify-api-version': '2026-10', 'x-shopify-hmac-sha256': webhookHmac(body, SECRET) };
    expect((await fetch(`${url}/webhooks/shopify`, { method: 'POST', body, headers })).status).toBe(200);
  }

  test('retry after the fix applies the same event once; retry again and replay change nothing in ERPNext', async () => {
    const insert = erpnext.insertDoc.bind(erpnext);
    erpnext.insertDoc = async (doctype, doc) => {
      if (doctype === 'Sales Order') throw SyncError.permanent({ code: 'erpnext.validation', category: 'validation', message: 'Delivery Date is mandatory' });
      return insert(doctype, doc);
    };
    const url = await runner.start();
    const parked = nextSettled();
    await deliver(url, JSON.stringify(simulatedOrder({ financialStatus: 'pending' })), 'w1');
    expect(await parked).toBe('failed');
    const [failure] = await store.failures({ status: 'open' });
    expect(failure).toMatchObject({ category: 'validation' });

    erpnext.insertDoc = insert;
    const applied = nextSettled();
    const retry = recordingContext({}, () => clock);
    expect(await runFailuresAction('retry', [], { db, category: 'validation', json: true }, retry)).toBe(0);
    expect(retry.json<FailureActionResult[]>()).toMatchObject([{ failureId: failure!.id, outcome: 'retrying', requeued: [failure!.inboxId] }]);
    expect(await applied).toBe('applied');
    expect(await store.getFailure(failure!.id)).toMatchObject({ status: 'resolved', eventIds: [] });
    expect([erpnext.count('Customer'), erpnext.count('Sales Order')]).toEqual([1, 1]);

    const again = recordingContext({}, () => clock);
    await runFailuresAction('retry', [failure!.id], { db, json: true }, again);
    expect(again.json<FailureActionResult[]>()).toMatchObject([{ outcome: 'already_resolved', requeued: [] }]);

    const replayed = nextSettled();
    expect(await runReplay([failure!.inboxId], { db }, recordingContext({}, () => clock))).toBe(0);
    expect(await replayed).toBe('applied');
    expect([erpnext.count('Customer'), erpnext.count('Sales Order')]).toEqual([1, 1]);
    expect((await store.evidence(failure!.inboxId)).map((row) => row.kind).filter((kind) => ['result', 'retry', 'replay'].includes(kind))).toEqual(['result', 'retry', 'result', 'replay', 'result']);
    expect((await store.counts()).byStatus).toEqual({ applied: 1 });
  });

  test('the runner prunes settled events older than retentionDays, by its clock', async () => {
    const url = await runner.start({ workers: false });
    await deliver(url, JSON.stringify(simulatedOrder({ financialStatus: 'pending' })), 'old');
    const event = await store.claimNext('w', 't', clock, 60_000);
    await store.finish(event!.claim, 'applied', null, clock);
    clock = new Date(clock.getTime() + 6 * DAY);
    expect((await runner.prune()).events).toBe(0);
    clock = new Date(clock.getTime() + 2 * DAY);
    expect(await runner.prune()).toMatchObject({ events: 1, deliveries: 1 });
    expect(await store.listEvents({})).toEqual([]);
  });
});
