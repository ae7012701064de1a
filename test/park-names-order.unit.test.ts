import { createLogger, createMemoryStore, type NewDelivery } from '@shopsync/runner';
import { DEFAULT_SYNC_SETTINGS } from '@shopsync/core';
import { park } from '../packages/runner/src/worker/settle-event';
import type { ProcessDeps } from '../packages/runner/src/worker/process-deps';

const NOW = new Date('2026-12-05T10:00:00Z');
const delivery = (webhookId: string, topic: string, payload: unknown): NewDelivery => ({
  shop: 'shop.myshopify.com',
  webhookId,
  topic,
  eventId: null,
  triggeredAt: null,
  apiVersion: null,
  resourceKey: 'shop.myshopify.com/order/5900004294646',
  payload: JSON.stringify(payload),
  payloadHash: webhookId,
});

describe('a parked failure names its order as the operator knows it', () => {
  async function parkedMessage(snapshot: unknown | null): Promise<string> {
    const store = createMemoryStore();
    if (snapshot !== null) await store.advanceVersion('shop.myshopify.com/order/5900004294646', '2026-12-05T09:00:00Z', JSON.stringify(snapshot), NOW);
    await store.acceptDelivery(delivery('t1', 'order_transactions/create', { id: 7001, order_id: 5900004294646 }), NOW);
    const event = (await store.claimNext('w', 'tok', NOW, 60_000))!;
    const deps = { store, settings: DEFAULT_SYNC_SETTINGS, now: () => NOW, logger: createLogger({ level: 'silent' }) } as unknown as ProcessDeps;
    // A wire error names its subject from the payload alone: a payment knows only its order's id.
    await park(event, { code: 'erpnext.server_error', category: 'internal', retryable: false, subject: { kind: 'order', label: 'id 5900004294646', shopifyId: '5900004294646' }, params: { message: 'boom' } }, null, deps);
    const [failure] = await store.failures({ status: 'open' });
    return failure!.message;
  }

  test('with the order’s stored state, its name (#1042)', async () => {
    expect(await parkedMessage({ id: 5900004294646, name: '#1042' })).toMatch(/^Order #1042 was not synced: boom; /);
  });

  test('without it, the id, as before', async () => {
    expect(await parkedMessage(null)).toMatch(/^Order id 5900004294646 was not synced: boom; /);
  });
});
