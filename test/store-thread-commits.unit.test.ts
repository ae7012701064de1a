import { commitOrder, commitSynchronous, type StoreCall } from '../packages/runner/src/store/threaded/store-calls';

const call = (id: number, method: StoreCall['method']): StoreCall => ({ id, method, args: [] });

describe('the store thread\'s group commits', () => {
  test('webhooks being acknowledged go first; every other call keeps its order', () => {
    const calls = [call(1, 'claimNext'), call(2, 'addEvidence'), call(3, 'acceptDeliveries'), call(4, 'finish'), call(5, 'acceptDelivery')];
    expect(commitOrder(calls).map((c) => c.id)).toEqual([3, 5, 1, 2, 4]);
  });

  test('a commit holding a promise to someone outside the runner is fsynced; the workers\' progress alone is not', () => {
    expect(commitSynchronous([call(1, 'claimNext'), call(2, 'addEvidence'), call(3, 'finish'), call(4, 'recordOperation')], 'FULL')).toBe('NORMAL');
    for (const durable of ['acceptDeliveries', 'acceptDelivery', 'recordFinding', 'requeueEvent', 'actOnFailure', 'recordStockPushes'] as const) {
      expect(commitSynchronous([call(1, 'finish'), call(2, durable)], 'FULL')).toBe('FULL');
    }
    // A store configured NORMAL never fsyncs a commit, acknowledgements included (the operator chose it).
    expect(commitSynchronous([call(1, 'acceptDeliveries')], 'NORMAL')).toBe('NORMAL');
  });
});
