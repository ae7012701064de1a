import type { Store } from '@shopsync/runner';
import { DAY, LEASE, T0, at, contractSteps, delivery, mapping, type MakeStore } from './contract-steps';

/** OperatorQueryPort: the read models the CLI, the metrics and the mirrors read. */
export function operatorQueryContract(makeStore: MakeStore): void {
  describe('OperatorQueryPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { settled } = contractSteps(() => store);

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

    describe('reading failures', () => {
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
    });
  });
}

/** OperatorActionPort: every operator action is one transaction and safe to repeat (operator-actions.ts). */
export function operatorActionContract(makeStore: MakeStore): void {
  describe('OperatorActionPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { settled, claimAndSettle, kinds } = contractSteps(() => store);

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
  });
}
