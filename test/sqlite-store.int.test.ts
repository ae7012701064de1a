import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openSqliteStore } from '@shopsync/runner';
import type { NewDelivery, Store } from '@shopsync/runner';
import { useTempDir } from './support/temp-dir';

const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 30_000;

function delivery(webhookId: string, resourceKey = 'shop.myshopify.com/order/1'): NewDelivery {
  return {
    shop: 'shop.myshopify.com',
    webhookId,
    topic: 'orders/create',
    eventId: null,
    triggeredAt: null,
    apiVersion: '2026-10',
    resourceKey,
    payload: '{"id":1}',
    payloadHash: 'h',
  };
}

describe('SQLite store', () => {
  const dir = useTempDir();
  let store: Store;
  let path: string;

  beforeEach(() => {
    path = join(dir(), 'state.sqlite');
    store = openSqliteStore({ path });
  });
  afterEach(async () => store.close());

  test('a webhook id is stored once; the second delivery is recorded as a duplicate', async () => {
    const first = await store.acceptDelivery(delivery('w1'), T0);
    const second = await store.acceptDelivery(delivery('w1'), T0);
    expect(second).toEqual({ inboxId: first.inboxId, duplicate: true });
    const counts = await store.counts();
    expect(counts).toMatchObject({ deliveries: 2, duplicateDeliveries: 1, unfinished: 1, byStatus: { pending: 1 } });
  });

  test('the same webhook id from two shops is two events', async () => {
    await store.acceptDelivery(delivery('w1'), T0);
    await store.acceptDelivery({ ...delivery('w1'), shop: 'other.myshopify.com' }, T0);
    expect((await store.counts()).byStatus.pending).toBe(2);
  });

  test('events of one resource are claimed one at a time and in order; other resources run in parallel', async () => {
    await store.acceptDelivery(delivery('a1', 'r/a'), T0);
    await store.acceptDelivery(delivery('a2', 'r/a'), T0);
    await store.acceptDelivery(delivery('b1', 'r/b'), T0);
    const first = await store.claimNext('w', 't1', T0, LEASE);
    const second = await store.claimNext('w', 't2', T0, LEASE);
    const third = await store.claimNext('w', 't3', T0, LEASE);
    expect([first?.webhookId, second?.webhookId, third]).toEqual(['a1', 'b1', null]);
    await store.finish(first!.claim, 'applied', null, T0);
    expect((await store.claimNext('w', 't4', T0, LEASE))?.webhookId).toBe('a2');
  });

  test('an event waiting for its retry holds back the later events of its resource', async () => {
    await store.acceptDelivery(delivery('a1', 'r/a'), T0);
    await store.acceptDelivery(delivery('a2', 'r/a'), T0);
    const first = await store.claimNext('w', 't1', T0, LEASE);
    await store.scheduleRetry(first!.claim, at(5_000), 'erpnext down', T0);
    expect(await store.claimNext('w', 't2', at(1_000), LEASE)).toBeNull();
    const retried = await store.claimNext('w', 't3', at(5_000), LEASE);
    expect([retried?.webhookId, retried?.attempts]).toEqual(['a1', 2]);
  });

  test('an expired claim is taken over, and the first worker can no longer settle it', async () => {
    await store.acceptDelivery(delivery('w1'), T0);
    const stale = await store.claimNext('dead-worker', 'old', T0, LEASE);
    expect(await store.claimNext('w2', 'early', at(LEASE - 1), LEASE)).toBeNull();
    const fresh = await store.claimNext('w2', 'new', at(LEASE), LEASE);
    expect(fresh?.claim).toMatchObject({ workerId: 'w2', token: 'new' });
    expect(await store.finish(stale!.claim, 'applied', null, at(LEASE))).toBe(false);
    expect(await store.park(stale!.claim, { code: 'x', category: 'internal', retryable: false, message: 'm', details: {} }, at(LEASE))).toBe(false);
    expect(await store.finish(fresh!.claim, 'applied', null, at(LEASE))).toBe(true);
    expect((await store.counts()).byStatus).toEqual({ applied: 1 });
  });

  test('parking records the failure with its category and makes the event terminal', async () => {
    await store.acceptDelivery(delivery('w1'), T0);
    const event = await store.claimNext('w', 't', T0, LEASE);
    await store.park(event!.claim, { code: 'mapping.sku_missing', category: 'mapping', retryable: false, message: 'Order #1 …', details: { sku: null } }, T0);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT code, category, retryable, status FROM failures').all()).toEqual([
      { code: 'mapping.sku_missing', category: 'mapping', retryable: 0, status: 'open' },
    ]);
    expect(db.prepare('SELECT kind FROM evidence ORDER BY id').all()).toEqual([{ kind: 'received' }, { kind: 'result' }]);
    db.close();
    expect((await store.counts()).unfinished).toBe(0);
  });

  test('a second event of the same resource hitting the same problem is an occurrence of the open failure', async () => {
    const failure = { code: 'conflict.cancel_blocked', category: 'conflict' as const, retryable: false, message: 'm', details: {} };
    for (const id of ['w1', 'w2']) {
      await store.acceptDelivery(delivery(id), T0);
      const event = await store.claimNext('w', `t-${id}`, T0, LEASE);
      await store.park(event!.claim, failure, T0);
    }
    expect((await store.failures({ status: 'open' })).map((f) => [f.code, f.occurrences, f.inboxId])).toEqual([['conflict.cancel_blocked', 2, 2]]);
  });

  test('operation keys remember the document they made; recording twice keeps the first', async () => {
    await store.acceptDelivery(delivery('w1'), T0);
    await store.recordOperation('k', { doctype: 'Customer', name: 'John' }, 1, T0);
    await store.recordOperation('k', { doctype: 'Customer', name: 'John - 1' }, 1, T0);
    expect(await store.findOperation('k')).toEqual({ doctype: 'Customer', name: 'John' });
    expect(await store.findOperation('unknown')).toBeNull();
  });

  test('refuses a database written by a newer shopsync', async () => {
    await store.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999-future.sql', 'x')").run();
    db.close();
    expect(() => openSqliteStore({ path })).toThrow('schema version 999, newer than this shopsync knows');
    store = openSqliteStore({ path: join(dir(), 'other.sqlite') });
  });
});
