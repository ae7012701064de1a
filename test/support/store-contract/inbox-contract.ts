import type { ParkedFailure, Store } from '@shopsync/runner';
import { LEASE, T0, at, contractSteps, delivery, type MakeStore } from './contract-steps';

/** InboxPort: every path into the inbox dedupes on (shop, webhook id); a finding is stored already parked. */
export function inboxContract(makeStore: MakeStore): void {
  describe('InboxPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { kinds } = contractSteps(() => store);

    describe('accepting deliveries', () => {
      test('a webhook id is stored once; the second delivery is recorded as a duplicate', async () => {
        const first = await store.acceptDelivery(delivery('w1'), T0);
        const second = await store.acceptDelivery(delivery('w1'), T0);
        expect(second).toEqual({ inboxId: first.inboxId, duplicate: true });
        expect(await store.counts()).toMatchObject({ deliveries: 2, duplicateDeliveries: 1, unfinished: 1, byStatus: { pending: 1 } });
        expect(await kinds(first.inboxId)).toEqual(['received', 'duplicate_delivery']);
      });

      test('the trail begins with how the event was received, read from its row: webhook id, event id, topic, payload hash, API version, when', async () => {
        const { inboxId } = await store.acceptDelivery({ ...delivery('w1'), eventId: 'e-1', payloadHash: 'a1b2' }, T0);
        const [received, ...rest] = await store.evidence(inboxId);
        expect(received).toEqual({ id: 0, inboxId, at: T0.toISOString(), kind: 'received', data: { webhookId: 'w1', eventId: 'e-1', topic: 'orders/create', payloadHash: 'a1b2', apiVersion: '2026-10' } });
        expect(rest).toEqual([]);
        expect(await store.evidence(inboxId + 1_000)).toEqual([]);
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

    describe('reconcile findings', () => {
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
  });
}
