import { createMemoryStore, openSqliteStore, processEvent, type Store } from '@shopsync/runner';
import { join } from 'node:path';
import { eventUnitOfWork, flushKept } from '../packages/runner/src/worker/event-unit-of-work';
import { SHOP, simulatedOrder } from './support/order-fixtures';
import { testProcessDeps } from './support/process-deps';
import { useTempDir } from './support/temp-dir';

const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** The store's calls by method, in order, as a store on its own thread would receive them. */
function countingStore(inner: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const store = Object.fromEntries(
    Object.entries(inner).map(([method, fn]) => [method, (...args: unknown[]) => (calls.push(method), (fn as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as Store;
  return { store, calls };
}

function delivery(webhookId: string, body: string, resourceKey: string) {
  return { shop: SHOP, webhookId, topic: 'orders/create', eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey, payload: body, payloadHash: 'h' };
}

describe("an event's unit of work", () => {
  const dir = useTempDir();

  test('ledger writes are kept, read back by key, and written in order with the settle, in one call', async () => {
    const inner = createMemoryStore();
    const { inboxId } = await inner.acceptDelivery(delivery('w1', '{"id":1}', 'r/1'), T0);
    const claimed = (await inner.claimNext('w', 't1', T0, 60_000))!;
    const { store: counted, calls } = countingStore(inner);
    const unit = eventUnitOfWork(counted);
    await unit.addEvidence(inboxId, 'plan', { step: 1 }, at(1));
    await unit.recordOperation('sales-order:1', { doctype: 'Sales Order', name: 'SO-1' }, inboxId, at(2));
    await unit.addEvidence(inboxId, 'operation', { key: 'sales-order:1' }, at(3));
    await unit.advanceVersion('r/1', '2026-11-27T09:00:00Z', '{"id":1}', at(4));
    expect(await unit.findOperation('sales-order:1')).toEqual({ doctype: 'Sales Order', name: 'SO-1' });
    expect(calls).toEqual([]);
    expect(await inner.findOperation('sales-order:1')).toBeNull();
    expect(await unit.finish(claimed.claim, 'applied', null, at(5))).toBe(true);
    expect(calls).toEqual(['finish']);
    const trail = await inner.evidence(inboxId);
    expect(trail.map((row) => [row.kind, row.at])).toEqual([
      ['received', T0.toISOString()],
      ['plan', at(1).toISOString()],
      ['operation', at(3).toISOString()],
      ['result', at(5).toISOString()],
    ]);
    expect(await inner.findOperation('sales-order:1')).toMatchObject({ name: 'SO-1' });
    expect((await inner.resourceVersion('r/1')).version).toBe('2026-11-27T09:00:00Z');
  });

  test('flushKept and a read of the resource write what is kept first; a key not kept is read from the store', async () => {
    const inner = createMemoryStore();
    const { inboxId } = await inner.acceptDelivery(delivery('w1', '{"id":1}', 'r/1'), T0);
    const { store: counted, calls } = countingStore(inner);
    const unit = eventUnitOfWork(counted);
    await unit.recordOperation('revise:sales-order:1:SO-1', { doctype: 'Sales Order', name: 'SO-1' }, inboxId, at(1));
    await flushKept(unit);
    expect(await inner.findOperation('revise:sales-order:1:SO-1')).toMatchObject({ name: 'SO-1' });
    await unit.advanceVersion('r/1', '2026-11-27T09:00:00Z', '{"id":1}', at(2));
    expect((await unit.resourceVersion('r/1')).version).toBe('2026-11-27T09:00:00Z');
    expect(await unit.findOperation('customer:1')).toBeNull();
    expect(calls).toEqual(['recordAll', 'recordAll', 'resourceVersion', 'findOperation']);
    // A store that keeps nothing has nothing to flush.
    await flushKept(inner);
  });

  test('a paid order of a new customer costs the store three calls where it cost ten (each its own round trip), and its trail is unchanged', async () => {
    const inner = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    const order = simulatedOrder({ financialStatus: 'pending' });
    const orderId = String(order.admin_graphql_api_id).split('/').pop();
    await inner.acceptDelivery(delivery('w1', JSON.stringify(order), `${SHOP}/order/${orderId}`), T0);
    const event = (await inner.claimNext('w', 't1', T0, 60_000))!;
    const { store, calls } = countingStore(inner);
    expect(await processEvent(event, testProcessDeps(store, () => T0))).toBe('applied');
    // Before: resourceVersion, the plan's evidence, per operation (Customer, Sales Order) a look-up, its record and its evidence, the version, finish.
    // Now the claim brings the resource's version, and the look-ups of a batched plan are one round trip.
    expect(calls.filter((method) => method === 'findOperation')).toHaveLength(2);
    expect(calls.filter((method) => !['findOperation'].includes(method))).toEqual(['finish']);
    expect((await inner.evidence(event.claim.inboxId)).map((row) => row.kind)).toEqual(['received', 'plan', 'operation', 'operation', 'result']);
    await inner.close();
  });
});
