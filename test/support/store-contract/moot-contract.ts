import type { NewDelivery, ParkedFailure, Store } from '@shopsync/runner';
import type { MakeStore } from './contract-steps';

/**
 * Part of the Store contract (store-contract.ts), across ports: an applied order event (ClaimPort
 * finish, after LedgerPort advanceVersion) resolves the failures of its order that a full plan of its
 * state checked again, and leaves every other failure open.
 */
const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const ORDER = 'shop.myshopify.com/order/1';
const V1 = '2026-11-27T05:00:00-05:00';
const V2 = '2026-11-27T06:00:00-05:00';
const V3 = '2026-11-27T07:00:00-05:00';

const failure = (code: string): ParkedFailure => ({ code, category: code.split('.')[0] === 'order' ? 'transient' : 'validation', retryable: false, message: `Order #1: ${code}`, details: {} });
const orderPayload = (updatedAt: string, refunds: number[] = []) => JSON.stringify({ id: 1, updated_at: updatedAt, refunds: refunds.map((id) => ({ id })) });
const refundPayload = (id: number) => JSON.stringify({ id, order_id: 1, created_at: V1 });

export function mootFailuresContract(makeStore: MakeStore): void {
  describe('failures a later applied order event made moot', () => {
    let store: Store;
    let clock = 0;
    beforeEach(async () => {
      store = await makeStore();
      clock = 0;
    });
    afterEach(async () => store.close());

    async function settle(webhookId: string, topic: string, payload: string, how: 'applied' | string): Promise<number> {
      const now = at((clock += 1_000));
      const delivery: NewDelivery = { shop: 'shop.myshopify.com', webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: ORDER, payload, payloadHash: 'h' };
      await store.acceptDelivery(delivery, now);
      const event = await store.claimNext('w', `t-${webhookId}`, now, 30_000);
      if (event?.webhookId !== webhookId) throw new Error(`expected to claim ${webhookId}`);
      if (how !== 'applied') await store.park(event.claim, failure(how), now);
      else {
        // The worker remembers the order's state it applied before settling (process-event.ts).
        if (topic.startsWith('orders/')) await store.advanceVersion(ORDER, String((JSON.parse(payload) as { updated_at: string }).updated_at), payload, now);
        await store.finish(event.claim, 'applied', null, now);
      }
      return event.claim.inboxId;
    }
    const statusOf = async (id: number) => (await store.getEvent(id))?.status;
    const byCode = async () => Object.fromEntries((await store.failures({})).map((f) => [f.code, f.status]));

    test('their events are superseded naming the event that made them moot, with evidence, and the failures resolved', async () => {
      const total = await settle('u1', 'orders/updated', orderPayload(V1), 'validation.total_mismatch');
      const early = await settle('r77', 'refunds/create', refundPayload(77), 'order.not_yet_seen');
      const mismatch = await settle('r78', 'refunds/create', refundPayload(78), 'validation.refund_mismatch');
      const blocked = await settle('u2', 'orders/updated', orderPayload(V1), 'conflict.cancel_blocked');
      const later = await settle('u3', 'orders/updated', orderPayload(V2, [77, 78]), 'applied');
      expect([await statusOf(total), await statusOf(early), await statusOf(mismatch), await statusOf(blocked)]).toEqual(['superseded', 'superseded', 'superseded', 'failed']);
      expect(await byCode()).toEqual({ 'validation.total_mismatch': 'resolved', 'order.not_yet_seen': 'resolved', 'validation.refund_mismatch': 'resolved', 'conflict.cancel_blocked': 'open' });
      expect((await store.getEvent(total))?.reason).toMatch(new RegExp(`^made moot by event ${later} \\(orders/updated\\).*\\(validation\\.total_mismatch\\)$`));
      const [resolved] = await store.failures({ code: 'validation.total_mismatch' });
      expect(await store.getFailure(resolved!.id)).toMatchObject({ resolvedAt: at(5_000).toISOString(), eventIds: [] });
      expect((await store.evidence(total)).at(-1)).toMatchObject({ kind: 'made_moot', data: { status: 'superseded', byEvent: later, failureId: resolved!.id, code: 'validation.total_mismatch' } });
      expect((await store.evidence(later)).map((row) => row.kind)).toEqual(['received', 'result', 'resolved_moot']);
      expect((await store.evidence(later)).at(-1)?.data).toEqual({ events: [total, early, mismatch], failures: expect.any(Array) });
      // The Sync Log shows them again, now superseded.
      expect((await store.eventsToMirror(10)).filter((e) => e.id === total).map((e) => e.status)).toEqual(['superseded']);
    });

    test('what the applied state does not cover stays open: a newer order version, a refund it lacks, a waiting payment', async () => {
      const newer = await settle('u1', 'orders/updated', orderPayload(V3), 'validation.total_mismatch');
      const missing = await settle('r99', 'refunds/create', refundPayload(99), 'validation.refund_mismatch');
      const payment = await settle('p1', 'order_transactions/create', JSON.stringify({ id: 5, order_id: 1 }), 'order.not_yet_seen');
      await settle('r77', 'refunds/create', refundPayload(77), 'applied');
      await settle('u2', 'orders/updated', orderPayload(V2, [77]), 'applied');
      expect([await statusOf(newer), await statusOf(missing), await statusOf(payment)]).toEqual(['failed', 'failed', 'failed']);
      expect(await byCode()).toEqual({ 'validation.total_mismatch': 'open', 'validation.refund_mismatch': 'open', 'order.not_yet_seen': 'open' });
    });

    test('one failure held by a moot and a live event keeps the live one, and stays open', async () => {
      const older = await settle('u1', 'orders/updated', orderPayload(V1), 'validation.total_mismatch');
      const newer = await settle('u2', 'orders/updated', orderPayload(V3), 'validation.total_mismatch');
      await settle('u3', 'orders/updated', orderPayload(V2), 'applied');
      expect([await statusOf(older), await statusOf(newer)]).toEqual(['superseded', 'failed']);
      const [open] = await store.failures({});
      expect(await store.getFailure(open!.id)).toMatchObject({ status: 'open', occurrences: 2, eventIds: [newer] });
    });
  });
}
