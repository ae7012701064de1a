import type { Store } from '@shopsync/runner';
import { DAY, at, contractSteps, delivery, mapping, type MakeStore } from './contract-steps';

/** RetentionPort: pruning by age keeps every failed event and every failure an operator must act on. */
export function retentionContract(makeStore: MakeStore): void {
  describe('RetentionPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { settled, claimAndSettle, kinds } = contractSteps(() => store);

    describe('retention', () => {
      test('settled events past the age go with their evidence; failed events and live failures stay', async () => {
        const old = await settled('old', 'applied', { resourceKey: 'r/1' });
        const failed = await settled('failed', mapping(), { resourceKey: 'r/2' });
        const resolvedLate = await settled('late', mapping(), { resourceKey: 'r/3' });
        const [, lateFailure] = await store.failures({});
        await store.actOnFailure(lateFailure!.id, 'retry', at(DAY));
        await claimAndSettle(resolvedLate, 'applied', at(DAY));
        const recent = await settled('recent', 'applied', { resourceKey: 'r/4', now: at(3 * DAY) });
        // A repeat of the old event leaves a delivery row and its evidence; a first delivery is its event's row.
        expect((await store.acceptDelivery(delivery('old', 'r/1'), at(DAY))).duplicate).toBe(true);
        const result = await store.pruneEvidence(at(2 * DAY));
        expect(result).toEqual({ events: 2, evidence: 4 + 1, deliveries: 2 + 1, failures: 1 });
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
  });
}

/** LifecyclePort: readiness answers while the store is open (closing is checked by every test's afterEach). */
export function lifecycleContract(makeStore: MakeStore): void {
  describe('LifecyclePort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());

    test('ping answers while the store is open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
