import type { Store } from '@shopsync/runner';
import { LEASE, T0, at, contractSteps, delivery, mapping, type MakeStore } from './contract-steps';

/**
 * ClaimPort: the claim rule (one claimed event per resource, the event due longest first), the fence
 * on every write about a claimed event, and what parking records (STYLE C10).
 */
export function claimContract(makeStore: MakeStore): void {
  describe('ClaimPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { settled, kinds } = contractSteps(() => store);

    describe('claims', () => {
      test('events of one resource are claimed one at a time and in order; other resources run in parallel', async () => {
        await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a'), delivery('b1', 'r/b')], T0);
        const first = await store.claimNext('w', 't1', T0, LEASE);
        const second = await store.claimNext('w', 't2', T0, LEASE);
        expect([first?.webhookId, second?.webhookId, await store.claimNext('w', 't3', T0, LEASE)]).toEqual(['a1', 'b1', null]);
        await store.finish(first!.claim, 'applied', null, T0);
        expect((await store.claimNext('w', 't4', T0, LEASE))?.webhookId).toBe('a2');
      });

      test("a claimed event carries its resource's newest applied version and snapshot, as they are when it is claimed", async () => {
        await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('a2', 'r/a')], T0);
        const first = await store.claimNext('w', 't1', T0, LEASE);
        expect(first?.applied).toEqual({ version: null, snapshot: null });
        await store.recordAll([{ kind: 'version', resourceKey: 'r/a', version: '2026-11-27T10:00:00Z', snapshot: '{"id":1}', at: T0 }]);
        await store.finish(first!.claim, 'applied', null, T0);
        expect((await store.claimNext('w', 't2', T0, LEASE))?.applied).toEqual({ version: '2026-11-27T10:00:00Z', snapshot: '{"id":1}' });
      });

      test('recordAll writes evidence, operation keys and versions in the order given, all in one call', async () => {
        const { inboxId } = await store.acceptDelivery(delivery('a1', 'r/a'), T0);
        await store.recordAll([
          { kind: 'evidence', inboxId, evidenceKind: 'plan', data: { n: 1 }, at: at(1) },
          { kind: 'operation', key: 'k/1', operation: { doctype: 'Sales Order', name: 'SO-1' }, inboxId, at: at(2) },
          { kind: 'evidence', inboxId, evidenceKind: 'operation', data: { n: 2 }, at: at(3) },
          { kind: 'version', resourceKey: 'r/a', version: '2026-11-27T10:00:00Z', snapshot: '{}', at: at(4) },
          // A version older than the one just written does not move it back.
          { kind: 'version', resourceKey: 'r/a', version: '2026-11-27T09:00:00Z', snapshot: '{"old":true}', at: at(5) },
        ]);
        expect((await store.evidence(inboxId)).map((row) => [row.kind, row.data])).toEqual([['received', expect.anything()], ['plan', { n: 1 }], ['operation', { n: 2 }]]);
        expect(await store.findOperation('k/1')).toMatchObject({ doctype: 'Sales Order', name: 'SO-1' });
        expect(await store.resourceVersion('r/a')).toEqual({ version: '2026-11-27T10:00:00Z', snapshot: '{}' });
        await store.recordAll([]);
      });

      test("a settle makes the worker's kept writes first, in its transaction, and makes them when the claim was lost too", async () => {
        await store.acceptDeliveries([delivery('a1', 'r/a'), delivery('b1', 'r/b')], T0);
        const first = (await store.claimNext('w', 't1', T0, LEASE))!;
        const second = (await store.claimNext('w', 't2', T0, LEASE))!;
        const version = { kind: 'version', resourceKey: 'r/a', version: '2026-11-27T10:00:00Z', snapshot: '{}', at: T0 } as const;
        const evidence = { kind: 'evidence', inboxId: first.claim.inboxId, evidenceKind: 'plan', data: { n: 1 }, at: T0 } as const;
        expect(await store.finish(first.claim, 'applied', null, at(1), [evidence, version])).toBe(true);
        expect(await kinds(first.claim.inboxId)).toEqual(['received', 'plan', 'result']);
        expect((await store.resourceVersion('r/a')).version).toBe('2026-11-27T10:00:00Z');
        // A claim taken over: the event is not touched, the record of what ERPNext holds is kept.
        const lost = { ...second.claim, token: 'someone else' };
        const record = { kind: 'operation', key: 'k/b', operation: { doctype: 'Customer', name: 'C-1' }, inboxId: second.claim.inboxId, at: T0 } as const;
        expect(await store.park(lost, mapping(), at(1), [record])).toBe(false);
        expect(await store.findOperation('k/b')).toMatchObject({ name: 'C-1' });
        expect((await store.getEvent(second.claim.inboxId))?.status).toBe('claimed');
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
    });
  });
}
