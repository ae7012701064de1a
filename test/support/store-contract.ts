import type { NewDelivery, ParkedFailure, Store } from '@shopsync/runner';
import { mootFailuresContract } from './store-contract-moot';

/**
 * The Store contract (STYLE C8): every store — SQLite, the in-memory fake, a later PostgreSQL — runs
 * this battery. It speaks only through the Store interface, so nothing here may depend on an engine.
 */
export const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const DAY = 86_400_000;
const LEASE = 30_000;

export function delivery(webhookId: string, resourceKey = 'shop.myshopify.com/order/1', topic = 'orders/create'): NewDelivery {
  return { shop: 'shop.myshopify.com', webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey, payload: '{"id":1}', payloadHash: 'h' };
}

const mapping = (code = 'mapping.sku_missing'): ParkedFailure => ({ code, category: 'mapping', retryable: false, message: `Order #1: ${code}`, details: { sku: null } });

export function storeContract(makeStore: () => Store | Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(async () => store.close());

  /** Accepts, claims and settles one event; returns its id. */
  async function settled(webhookId: string, how: 'applied' | ParkedFailure, options: { resourceKey?: string; topic?: string; now?: Date } = {}): Promise<number> {
    const now = options.now ?? T0;
    await store.acceptDelivery(delivery(webhookId, options.resourceKey, options.topic), now);
    const event = await store.claimNext('w', `t-${webhookId}-${now.getTime()}`, now, LEASE);
    if (event === null || event.webhookId !== webhookId) throw new Error(`expected to claim ${webhookId}`);
    if (how === 'applied') await store.finish(event.claim, 'applied', null, now);
    else await store.park(event.claim, how, now);
    return event.claim.inboxId;
  }

  async function claimAndSettle(inboxId: number, how: 'applied' | ParkedFailure, now: Date): Promise<void> {
    const event = await store.claimNext('w', `again-${inboxId}-${now.getTime()}`, now, LEASE);
    expect(event?.claim.inboxId).toBe(inboxId);
    expect(how === 'applied' ? await store.finish(event!.claim, 'applied', null, now) : await store.park(event!.claim, how, now)).toBe(true);
  }

  const kinds = async (inboxId: number) => (await store.evidence(inboxId)).map((row) => row.kind);

  describe('accepting deliveries', () => {
    test('a webhook id is stored once; the second delivery is recorded as a duplicate', async () => {
      const first = await store.acceptDelivery(delivery('w1'), T0);
      const second = await store.acceptDelivery(delivery('w1'), T0);
      expect(second).toEqual({ inboxId: first.inboxId, duplicate: true });
      expect(await store.counts()).toMatchObject({ deliveries: 2, duplicateDeliveries: 1, unfinished: 1, byStatus: { pending: 1 } });
      expect(await kinds(first.inboxId)).toEqual(['received', 'duplicate_delivery']);
    });

    test('the same webhook id from two shops is two events', async () => {
      await store.acceptDelivery(delivery('w1'), T0);
      await store.acceptDelivery({ ...delivery('w1'), shop: 'other.myshopify.com' }, T0);
      expect((await store.counts()).byStatus.pending).toBe(2);
    });

    test('a group commit answers in order, and a webhook id repeated inside the batch is a duplicate', async () => {
      await store.acceptDelivery(delivery('old'), T0);
      const results = await store.acceptDeliveries([delivery('a'), delivery('b'), delivery('a'), delivery('old')], T0);
      expect(results.map((r) => r.duplicate)).toEqual([false, false, true, true]);
      expect(results[2]!.inboxId).toBe(results[0]!.inboxId);
      expect(await store.counts()).toMatchObject({ deliveries: 5, duplicateDeliveries: 2, byStatus: { pending: 3 } });
      expect(await store.acceptDeliveries([], T0)).toEqual([]);
    });
  });

  describe('claims', () => {
    test('events of one resource are claimed one at a time and in order; other resources run in parallel', async () => {
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a'), delivery('b1', 'r/b')], T0);
      const first = await store.claimNext('w', 't1', T0, LEASE);
      const second = await store.claimNext('w', 't2', T0, LEASE);
      expect([first?.webhookId, second?.webhookId, await store.claimNext('w', 't3', T0, LEASE)]).toEqual(['a1', 'b1', null]);
      await store.finish(first!.claim, 'applied', null, T0);
      expect((await store.claimNext('w', 't4', T0, LEASE))?.webhookId).toBe('a2');
    });

    test('an event waiting for its retry lets later events of its resource through, then comes back', async () => {
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a')], T0);
      const first = await store.claimNext('w', 't1', T0, LEASE);
      expect(await store.scheduleRetry(first!.claim, at(5_000), 'order not seen yet', T0)).toBe(true);
      const second = await store.claimNext('w', 't2', at(1_000), LEASE);
      expect(second?.webhookId).toBe('a2');
      expect(await store.claimNext('w', 't3', at(5_000), LEASE)).toBeNull();
      await store.finish(second!.claim, 'applied', null, at(5_000));
      const retried = await store.claimNext('w', 't4', at(5_000), LEASE);
      expect([retried?.webhookId, retried?.attempts]).toEqual(['a1', 2]);
    });

    test('the event due longest is claimed first: a retry that comes due later waits behind events due before it', async () => {
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('b1', 'r/b')], T0);
      const first = await store.claimNext('w', 't1', T0, LEASE);
      await store.scheduleRetry(first!.claim, at(1_000), 'erpnext answered 502', T0);
      await store.acceptDelivery(delivery('c1', 'r/c'), at(500));
      const order = [];
      for (let i = 0; i < 3; i += 1) order.push((await store.claimNext('w', `n${i}`, at(2_000), LEASE))?.webhookId);
      expect(order).toEqual(['b1', 'c1', 'a1']);
    });

    test('a retry records when retrying began; deferring spends no attempt; waiting starts the budget, an outage does not', async () => {
      await store.acceptDelivery(delivery('a1', 'r/a'), T0);
      const a = await store.claimNext('w', 't1', T0, LEASE);
      expect(a?.retryingSince).toBeNull();
      await store.scheduleRetry(a!.claim, at(10), 'erpnext answered 502', at(5));
      await store.scheduleRetry((await store.claimNext('w', 't2', at(10), LEASE))!.claim, at(20), 'again', at(15));
      const third = await store.claimNext('w', 't3', at(20), LEASE);
      expect([third?.attempts, third?.retryingSince]).toEqual([3, at(5)]);
      expect(await store.deferEvent(third!.claim, 'outage', at(20), 'ERPNext is unreachable', at(20))).toBe(true);
      const afterOutage = await store.claimNext('w', 't4', at(20), LEASE);
      expect([afterOutage?.webhookId, afterOutage?.attempts, afterOutage?.retryingSince]).toEqual(['a1', 3, at(5)]);
      await store.finish(afterOutage!.claim, 'applied', null, at(20));
      await store.acceptDelivery(delivery('b1', 'r/b'), at(20));
      const b = await store.claimNext('w', 't5', at(20), LEASE);
      await store.deferEvent(b!.claim, 'waiting', at(60_000), 'the order has not arrived', at(30));
      await store.deferEvent(b!.claim, 'waiting', at(60_000), 'a lapsed claim changes nothing', at(30)).then((kept) => expect(kept).toBe(false));
      const bAgain = await store.claimNext('w', 't6', at(60_000), LEASE);
      expect([bAgain?.webhookId, bAgain?.attempts, bAgain?.retryingSince]).toEqual(['b1', 1, at(30)]);
      expect((await store.evidence(b!.claim.inboxId)).filter((row) => row.kind === 'deferred').map((row) => (row.data as { kind: string }).kind)).toEqual(['waiting']);
    });

    test('a settled event wakes the other pending events of its resource (a payment waiting for its order)', async () => {
      await store.acceptDeliveries([delivery('pay', 'r/a', 'order_transactions/create'), delivery('other', 'r/b')], T0);
      const payment = await store.claimNext('w', 't1', T0, LEASE);
      await store.deferEvent(payment!.claim, 'waiting', at(300_000), 'order not seen yet', T0);
      await store.acceptDelivery(delivery('order', 'r/a'), at(1_000));
      expect((await store.claimNext('w', 't2', at(1_000), LEASE))?.webhookId).toBe('other');
      const order = await store.claimNext('w', 't3', at(1_000), LEASE);
      expect(order?.webhookId).toBe('order');
      expect(await store.claimNext('w', 't4', at(1_000), LEASE)).toBeNull();
      await store.finish(order!.claim, 'applied', null, at(2_000));
      expect((await store.claimNext('w', 't5', at(2_000), LEASE))?.webhookId).toBe('pay');
    });

    test('a requeued event gets a fresh retry budget', async () => {
      const id = await settled('w1', { code: 'erpnext.unavailable', category: 'transient', retryable: true, message: 'm', details: {} });
      await store.requeueEvent(id, 'retry', at(10));
      expect((await store.claimNext('w', 't', at(10), LEASE))?.retryingSince).toBeNull();
    });

    test('a due older event still goes first', async () => {
      await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a')], T0);
      const first = await store.claimNext('w', 't1', T0, LEASE);
      await store.scheduleRetry(first!.claim, at(1_000), 'erpnext down', T0);
      expect((await store.claimNext('w', 't2', at(1_000), LEASE))?.webhookId).toBe('a1');
    });

    test('an expired claim is taken over, and the first worker can no longer settle it', async () => {
      await store.acceptDelivery(delivery('w1'), T0);
      const stale = await store.claimNext('dead-worker', 'old', T0, LEASE);
      expect(await store.claimNext('w2', 'early', at(LEASE - 1), LEASE)).toBeNull();
      const fresh = await store.claimNext('w2', 'new', at(LEASE), LEASE);
      expect(fresh?.claim).toMatchObject({ workerId: 'w2', token: 'new' });
      expect(await store.finish(stale!.claim, 'applied', null, at(LEASE))).toBe(false);
      expect(await store.park(stale!.claim, mapping(), at(LEASE))).toBe(false);
      expect(await store.scheduleRetry(stale!.claim, at(LEASE), 'x', at(LEASE))).toBe(false);
      expect(await store.finish(fresh!.claim, 'applied', null, at(LEASE))).toBe(true);
      expect((await store.counts()).byStatus).toEqual({ applied: 1 });
    });
  });

  describe('failures', () => {
    test('parking records the failure with its category and makes the event terminal', async () => {
      const id = await settled('w1', mapping());
      expect((await store.failures({})).map((f) => [f.code, f.category, f.retryable, f.status, f.inboxId, f.topic])).toEqual([
        ['mapping.sku_missing', 'mapping', false, 'open', id, 'orders/create'],
      ]);
      expect(await kinds(id)).toEqual(['received', 'result']);
      expect((await store.evidence(id))[1]!.data).toEqual({ status: 'failed', reason: 'Order #1: mapping.sku_missing' });
      expect((await store.counts()).unfinished).toBe(0);
    });

    test('a second event of the same resource hitting the same problem is an occurrence of the open failure', async () => {
      const first = await settled('w1', mapping('conflict.cancel_blocked'));
      const second = await settled('w2', mapping('conflict.cancel_blocked'));
      const [failure] = await store.failures({ status: 'open' });
      expect([failure?.occurrences, failure?.inboxId]).toEqual([2, second]);
      expect((await store.getFailure(failure!.id))?.eventIds).toEqual([first, second]);
    });

    test('failures filter by status, category and code, and are counted by category and status', async () => {
      await settled('w1', mapping(), { resourceKey: 'r/1' });
      await settled('w2', { code: 'erpnext.auth', category: 'auth', retryable: false, message: 'auth', details: {} }, { resourceKey: 'r/2' });
      expect((await store.failures({ category: 'auth' })).map((f) => f.code)).toEqual(['erpnext.auth']);
      expect((await store.failures({ code: 'mapping.sku_missing', status: 'open' })).map((f) => f.category)).toEqual(['mapping']);
      expect(await store.failures({ status: 'ignored' })).toEqual([]);
      expect(await store.failureCounts()).toEqual([
        { category: 'auth', status: 'open', count: 1 },
        { category: 'mapping', status: 'open', count: 1 },
      ]);
      expect(await store.getFailure(999)).toBeNull();
    });

    test('a finding is stored and parked at once; recording it again records nothing; requeued, it runs like any event', async () => {
      const drift: ParkedFailure = { code: 'drift.order_differs', category: 'drift', retryable: false, message: 'Order #1 differs', details: { findings: [] } };
      const first = await store.recordFinding(delivery('reconcile-drift:1'), drift, T0);
      expect(first.recorded).toBe(true);
      expect(await store.recordFinding(delivery('reconcile-drift:1'), drift, at(5))).toEqual({ inboxId: first.inboxId, recorded: false });
      expect((await store.failures({})).map((f) => [f.code, f.category, f.status, f.inboxId])).toEqual([['drift.order_differs', 'drift', 'open', first.inboxId]]);
      expect((await store.getEvent(first.inboxId))?.status).toBe('failed');
      expect((await store.counts()).unfinished).toBe(0);
      const [failure] = await store.failures({});
      expect((await store.actOnFailure(failure!.id, 'requeue', at(10))).requeued).toEqual([first.inboxId]);
      const claimed = await store.claimNext('w', 't', at(20), LEASE);
      expect([claimed?.claim.inboxId, claimed?.refreshFirst]).toEqual([first.inboxId, true]);
    });
  });

  describe('operations and versions', () => {
    test('operation keys remember the document they made; recording twice keeps the first', async () => {
      await store.acceptDelivery(delivery('w1'), T0);
      await store.recordOperation('k', { doctype: 'Customer', name: 'John' }, 1, T0);
      await store.recordOperation('k', { doctype: 'Customer', name: 'John - 1' }, 1, T0);
      expect(await store.findOperation('k')).toEqual({ doctype: 'Customer', name: 'John', revision: null });
      expect(await store.findOperation('unknown')).toBeNull();
    });

    test('an operation recorded with another revision follows the document that now holds it', async () => {
      await store.acceptDelivery(delivery('w1'), T0);
      await store.recordOperation('so', { doctype: 'Sales Order', name: 'SO-1', revision: 'a' }, 1, T0);
      await store.recordOperation('so', { doctype: 'Sales Order', name: 'SO-1-1', revision: 'b' }, 1, T0);
      expect(await store.findOperation('so')).toEqual({ doctype: 'Sales Order', name: 'SO-1-1', revision: 'b' });
      await store.recordOperation('so', { doctype: 'Sales Order', name: 'SO-1' }, 1, T0);
      await store.recordOperation('so', { doctype: 'Sales Order', name: 'SO-1', revision: 'b' }, 1, T0);
      expect(await store.findOperation('so')).toEqual({ doctype: 'Sales Order', name: 'SO-1-1', revision: 'b' });
    });

    test('a resource version only moves forward, compared as instants, with the payload that carried it', async () => {
      expect(await store.resourceVersion('r/1')).toEqual({ version: null, snapshot: null });
      await store.advanceVersion('r/1', '2026-11-27T10:00:00-05:00', 'v2', T0);
      await store.advanceVersion('r/1', '2026-11-27T14:00:00Z', 'v1', T0);
      await store.advanceVersion('r/1', 'not a date', 'bad', T0);
      expect(await store.resourceVersion('r/1')).toEqual({ version: '2026-11-27T10:00:00-05:00', snapshot: 'v2' });
    });
  });

  describe('mirroring to the Sync Log', () => {
    test('settled events are offered once, pending ones never, and again after they settle again', async () => {
      const applied = await settled('w1', 'applied', { resourceKey: 'r/1' });
      await store.acceptDelivery(delivery('w2', 'r/2'), T0);
      expect((await store.eventsToMirror(10)).map((e) => e.webhookId)).toEqual(['w1']);
      await store.markMirrored([applied], at(10));
      expect(await store.eventsToMirror(10)).toEqual([]);
      await store.requeueEvent(applied, 'replay', at(20));
      expect(await store.eventsToMirror(10)).toEqual([]);
      // w2 has been due since T0, the replayed w1 only since 20: the claim serves w2 first.
      const claimed = [await store.claimNext('w', 'a', at(30), LEASE), await store.claimNext('w', 'b', at(30), LEASE)];
      await store.finish(claimed.find((event) => event?.webhookId === 'w1')!.claim, 'applied', null, at(40));
      expect((await store.eventsToMirror(10)).map((e) => e.webhookId)).toEqual(['w1']);
    });
  });

  describe('reading events', () => {
    test('events list newest first, filtered by status and topic, limited', async () => {
      await settled('w1', 'applied', { resourceKey: 'r/1' });
      await settled('w2', mapping(), { resourceKey: 'r/2', topic: 'customers/create' });
      await store.acceptDelivery(delivery('w3', 'r/3'), T0);
      expect((await store.listEvents({})).map((e) => [e.webhookId, e.status])).toEqual([['w3', 'pending'], ['w2', 'failed'], ['w1', 'applied']]);
      expect((await store.listEvents({ status: 'failed' })).map((e) => e.webhookId)).toEqual(['w2']);
      expect((await store.listEvents({ topic: 'orders/create', limit: 1 })).map((e) => e.webhookId)).toEqual(['w3']);
    });

    test('an event shows its payload, and its evidence trail in the order written', async () => {
      const id = await settled('w1', 'applied');
      await store.addEvidence(id, 'note', { n: 1, when: T0 }, at(1));
      expect(await store.getEvent(id)).toMatchObject({ id, webhookId: 'w1', status: 'applied', payload: '{"id":1}', payloadHash: 'h', apiVersion: '2026-10', finishedAt: T0.toISOString() });
      const trail = await store.evidence(id);
      expect(trail.map((row) => row.kind)).toEqual(['received', 'result', 'note']);
      expect(trail[2]).toMatchObject({ inboxId: id, at: at(1).toISOString(), data: { n: 1, when: T0.toISOString() } });
      expect(await store.getEvent(999)).toBeNull();
      expect(await store.evidence(999)).toEqual([]);
    });

    test('the last success per topic is the newest applied event', async () => {
      await settled('w1', 'applied', { resourceKey: 'r/1' });
      await settled('w2', 'applied', { resourceKey: 'r/2', now: at(DAY) });
      await settled('w3', mapping(), { resourceKey: 'r/3', topic: 'customers/create', now: at(2 * DAY) });
      expect(await store.lastApplied()).toEqual([{ topic: 'orders/create', lastAppliedAt: at(DAY).toISOString() }]);
    });
  });

  describe('operator actions, each safe to repeat', () => {
    test('retry puts the same failed event back to pending with its attempts reset; pressing twice changes nothing', async () => {
      const id = await settled('w1', mapping());
      const [failure] = await store.failures({});
      expect(await store.actOnFailure(failure!.id, 'retry', at(1))).toMatchObject({ outcome: 'retrying', requeued: [id] });
      expect(await store.actOnFailure(failure!.id, 'retry', at(2))).toMatchObject({ outcome: 'already_retrying', requeued: [] });
      expect(await store.counts()).toMatchObject({ byStatus: { pending: 1 }, unfinished: 1 });
      expect((await store.getFailure(failure!.id))?.status).toBe('retrying');
      const again = await store.claimNext('w', 'r', at(3), LEASE);
      expect([again?.claim.inboxId, again?.attempts, await store.claimNext('w', 'r2', at(3), LEASE)]).toEqual([id, 1, null]);
      await store.finish(again!.claim, 'applied', null, at(3));
      expect(await store.getFailure(failure!.id)).toMatchObject({ status: 'resolved', resolvedAt: at(3).toISOString(), eventIds: [] });
      expect(await store.actOnFailure(failure!.id, 'retry', at(4))).toMatchObject({ outcome: 'already_resolved', requeued: [] });
      expect(await kinds(id)).toEqual(['received', 'result', 'retry', 'result']);
    });

    test('a retry failing the same way reopens the same failure; failing differently resolves it and opens another', async () => {
      const id = await settled('w1', mapping());
      const [failure] = await store.failures({});
      await store.actOnFailure(failure!.id, 'requeue', at(1));
      await claimAndSettle(id, mapping(), at(2));
      expect((await store.failures({})).map((f) => [f.id, f.status, f.occurrences])).toEqual([[failure!.id, 'open', 2]]);
      await store.actOnFailure(failure!.id, 'retry', at(3));
      await claimAndSettle(id, mapping('validation.mandatory'), at(4));
      expect((await store.failures({})).map((f) => [f.code, f.status])).toEqual([['mapping.sku_missing', 'resolved'], ['validation.mandatory', 'open']]);
      expect(await kinds(id)).toEqual(['received', 'result', 'requeue', 'result', 'retry', 'result']);
    });

    test('a failure shared by two events requeues both', async () => {
      const first = await settled('w1', mapping());
      const second = await settled('w2', mapping());
      const [failure] = await store.failures({});
      expect((await store.actOnFailure(failure!.id, 'retry', at(1))).requeued).toEqual([first, second]);
      await claimAndSettle(first, 'applied', at(2));
      expect((await store.getFailure(failure!.id))?.status).toBe('retrying');
      await claimAndSettle(second, 'applied', at(3));
      expect((await store.getFailure(failure!.id))?.status).toBe('resolved');
    });

    test('ignore leaves the event failed; it is refused during a retry, and a retry of an ignored failure goes through', async () => {
      const id = await settled('w1', mapping());
      const [failure] = await store.failures({});
      expect(await store.actOnFailure(failure!.id, 'ignore', at(1))).toMatchObject({ outcome: 'ignored', requeued: [] });
      expect(await store.actOnFailure(failure!.id, 'ignore', at(2))).toMatchObject({ outcome: 'already_ignored' });
      expect((await store.getEvent(id))?.status).toBe('failed');
      expect(await store.actOnFailure(failure!.id, 'retry', at(3))).toMatchObject({ outcome: 'retrying', requeued: [id] });
      expect(await store.actOnFailure(failure!.id, 'ignore', at(4))).toMatchObject({ outcome: 'refused' });
      expect(await store.actOnFailure(424242, 'ignore', at(4))).toMatchObject({ outcome: 'not_found' });
      expect(await kinds(id)).toEqual(['received', 'result', 'ignored', 'retry']);
    });

    test('an ignored failure cannot be retried while another live failure holds the same problem', async () => {
      const first = await settled('w1', mapping());
      const [failure] = await store.failures({});
      await store.actOnFailure(failure!.id, 'ignore', at(1));
      await settled('w2', mapping(), { now: at(2) });
      expect(await store.actOnFailure(failure!.id, 'retry', at(3))).toMatchObject({ outcome: 'refused', requeued: [] });
      expect((await store.getEvent(first))?.status).toBe('failed');
    });

    test('replay re-runs an applied event; a replayed failed event that applies resolves its failure', async () => {
      const applied = await settled('w1', 'applied', { resourceKey: 'r/1' });
      const failed = await settled('w2', mapping(), { resourceKey: 'r/2' });
      expect(await store.requeueEvent(applied, 'replay', at(1))).toBe('requeued');
      expect(await store.requeueEvent(applied, 'replay', at(1))).toBe('already_pending');
      expect(await store.requeueEvent(999, 'replay', at(1))).toBe('not_found');
      expect(await store.requeueEvent(failed, 'replay', at(1))).toBe('requeued');
      expect((await store.evidence(applied)).at(-1)).toMatchObject({ kind: 'replay', data: { previousStatus: 'applied' } });
      await claimAndSettle(applied, 'applied', at(2));
      await claimAndSettle(failed, 'applied', at(2));
      expect((await store.failures({})).map((f) => f.status)).toEqual(['resolved']);
    });
  });

  describe('retention', () => {
    test('settled events past the age go with their evidence; failed events and live failures stay', async () => {
      const old = await settled('old', 'applied', { resourceKey: 'r/1' });
      const failed = await settled('failed', mapping(), { resourceKey: 'r/2' });
      const resolvedLate = await settled('late', mapping(), { resourceKey: 'r/3' });
      const [, lateFailure] = await store.failures({});
      await store.actOnFailure(lateFailure!.id, 'retry', at(DAY));
      await claimAndSettle(resolvedLate, 'applied', at(DAY));
      const recent = await settled('recent', 'applied', { resourceKey: 'r/4', now: at(3 * DAY) });
      const result = await store.pruneEvidence(at(2 * DAY));
      expect(result).toEqual({ events: 2, evidence: 2 + 4, deliveries: 2, failures: 1 });
      expect(await store.getEvent(old)).toBeNull();
      expect(await store.evidence(old)).toEqual([]);
      expect(await store.getEvent(resolvedLate)).toBeNull();
      expect((await store.getEvent(failed))?.status).toBe('failed');
      expect(await kinds(failed)).toEqual(['received', 'result']);
      expect((await store.getEvent(recent))?.status).toBe('applied');
      expect((await store.failures({})).map((f) => [f.inboxId, f.status])).toEqual([[failed, 'open']]);
      expect(await store.pruneEvidence(at(2 * DAY))).toEqual({ events: 0, evidence: 0, deliveries: 0, failures: 0 });
    });
  });

  test('ping answers while the store is open', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  mootFailuresContract(makeStore);
}
