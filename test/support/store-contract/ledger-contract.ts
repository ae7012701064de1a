import type { Store } from '@shopsync/runner';
import { T0, delivery, type MakeStore } from './contract-steps';

/** LedgerPort: operation keys remember their document, resource versions only move forward. */
export function ledgerContract(makeStore: MakeStore): void {
  describe('LedgerPort', () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => store.close());

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
  });
}
