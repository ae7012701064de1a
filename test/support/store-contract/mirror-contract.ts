import type { Store } from '@shopsync/runner';
import { LEASE, T0, at, contractSteps, delivery, type MakeStore } from './contract-steps';

/** MirrorPort: the Sync Log is shown each settled state of an event once, and never a pending one. */
export function mirrorContract(makeStore: MakeStore): void {
  describe('MirrorPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());
    const { settled } = contractSteps(() => store);

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
  });
}
