import { FLOWS, PUSH_TOPICS, SYNCED_TOPICS, UNBOOKED_ORDER_TOPICS, flowOfTopic, type Flow, type FlowMode, type PushTopic } from '@shopsync/core';
import { planningInputs, type ClaimedEvent, type Store } from '@shopsync/runner';
import { webhookTopicsFor } from '../packages/runner/src/doctor/webhook-topics';
import { madeMoot } from '../packages/runner/src/store/moot-failures';
import { storedResource } from '../packages/runner/src/store/stored-resource';

// What the runner derives from the topic registry (topic-registry.ts) instead of naming topics:
// the oversell guard's topics, the push topics to subscribe, a part's moot rule, the claimed resource.

const SHOP = 'shop.myshopify.com';
const ALL_OFF: Record<Flow, FlowMode> = { orders: 'off', customers: 'off', inventory: 'off', fulfillment: 'off' };
const SHOPIFY_PUSH = (Object.keys(PUSH_TOPICS) as PushTopic[]).filter((topic) => PUSH_TOPICS[topic].origin === 'shopify');

describe('the registry decides, not topic names in the runner', () => {
  test('the oversell guard counts the open orders of the rows that say so, as the three store engines always did', () => {
    expect(UNBOOKED_ORDER_TOPICS).toEqual(['orders/create', 'orders/updated', 'orders/paid']);
  });

  test.each(FLOWS)("Shopify's push topics are subscribed while their family's flow is on (%s on alone)", (flow) => {
    const subscribed = webhookTopicsFor({ ...ALL_OFF, [flow]: 'shadow' });
    expect(subscribed).toEqual([...SYNCED_TOPICS, ...SHOPIFY_PUSH.filter((topic) => flowOfTopic(topic) === flow)]);
  });

  test('inventory_levels/update follows flows.inventory, not another flow', () => {
    expect(webhookTopicsFor({ ...ALL_OFF, inventory: 'live' })).toContain('inventory_levels/update');
    expect(webhookTopicsFor({ orders: 'live', customers: 'live', inventory: 'off', fulfillment: 'live' })).not.toContain('inventory_levels/update');
  });

  test("a refund is moot once the applied order lists it; a payment, which an order's body never lists, is not", () => {
    const applied = { versionMs: Date.parse('2026-11-27T12:00:00Z'), snapshot: JSON.stringify({ id: 1, refunds: [{ id: 7 }] }) };
    const parked = (topic: string, id: number) => ({ topic, code: 'order.not_yet_seen', payload: JSON.stringify({ id, order_id: 1 }), refreshFirst: false });
    expect(madeMoot(parked('refunds/create', 7), applied)).toBe(true);
    expect(madeMoot(parked('refunds/create', 8), applied)).toBe(false);
    expect(madeMoot(parked('order_transactions/create', 7), applied)).toBe(false);
  });

  test('a claimed resource key is read once, as a value; text no formatResourceKey wrote is never an order', () => {
    expect(storedResource(SHOP, `${SHOP}/order/820982911946154508`)).toEqual({ shop: SHOP, kind: 'order', id: '820982911946154508' });
    expect(storedResource(SHOP, `${SHOP}/topic/orders/delete`)).toEqual({ shop: SHOP, kind: 'topic', id: 'orders/delete' });
    expect(storedResource(SHOP, 'hand-edited')).toEqual({ shop: SHOP, kind: 'topic', id: 'hand-edited' });
  });

  test("a requeued event reads its order by the claimed resource value, not by parsing the key's text again", async () => {
    const read: string[] = [];
    const store = { addEvidence: async () => undefined } as unknown as Store;
    const event: ClaimedEvent = {
      claim: { inboxId: 1, workerId: 'w', token: 't' },
      shop: SHOP,
      webhookId: 'wh-1',
      topic: 'orders/updated',
      resourceKey: 'not a stored key',
      resource: { shop: SHOP, kind: 'order', id: '5' },
      payload: JSON.stringify({ id: 5, updated_at: '2026-11-27T10:00:00Z' }),
      attempts: 1,
      refreshFirst: true,
      retryingSince: null,
      applied: { version: null, snapshot: null },
    };
    const inputs = await planningInputs(event, store, async (_shop, orderId) => {
      read.push(orderId);
      return { payload: { id: 5, updated_at: '2026-11-27T11:00:00Z' } };
    }, () => new Date('2026-11-27T12:00:00Z'));
    expect([read, inputs.payload]).toEqual([['5'], { id: 5, updated_at: '2026-11-27T11:00:00Z' }]);
  });
});
