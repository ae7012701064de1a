import { FLOWS, SYNCED_TOPICS, TOPIC_FAMILIES, TOPICS, flowOfTopic, payloadOf, planEvent, resourceKeyOf, subjectOf, type Topic, type TopicSpec, type TopicTable } from '@shopsync/core';
import { SHOPSYNC_WEBHOOK_TOPICS, type ShopsyncWebhookTopic } from '@shopsync/runner';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

// One registry row per synced topic (packages/core/src/topics/topic-registry.ts); everything the
// runner asks of a topic is read from it. These pin what it derives, including for topics without a row.

// Type-level checks: `tsc -p tsconfig.json` reads these lines (jest strips the types).
const ROW = TOPICS['orders/create'];
/** Adding a topic is one row: this compiles, and planning, key, flow and subscription follow from it. */
const _oneRow = { ...TOPICS, 'inventory_levels/update': ROW } satisfies TopicTable;
// @ts-expect-error a topic whose family has no flow is refused until the family is added
const _unknownFamily = { 'products/update': ROW } satisfies TopicTable;
// @ts-expect-error a row without its planner is refused
const _noPlanner = { 'orders/delete': { resource: ROW.resource } } satisfies TopicTable;
const _everyTopicHasASpec: Readonly<Record<Topic, TopicSpec>> = TOPICS;
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _doctorSubscribesTheRegistry: Same<ShopsyncWebhookTopic, Topic> = true;

const family = (topic: string) => topic.split('/')[0] as keyof typeof TOPIC_FAMILIES;

describe('the topic registry', () => {
  test('the doctor subscribes exactly the registry, in its order', () => {
    expect([...SHOPSYNC_WEBHOOK_TOPICS]).toEqual(Object.keys(TOPICS));
    expect(SYNCED_TOPICS).toEqual(Object.keys(TOPICS));
  });

  test.each(SYNCED_TOPICS)('%s has a flow, and reads its resource as its family does', (topic) => {
    expect(FLOWS).toContain(flowOfTopic(topic));
    expect(flowOfTopic(topic)).toBe(TOPIC_FAMILIES[family(topic)].flow);
    const familyResource = TOPIC_FAMILIES[family(topic)].resource;
    if (familyResource !== null) expect(TOPICS[topic].resource.kind).toBe(familyResource.kind);
  });

  test('an unknown topic is skipped, with the reason it always had', () => {
    for (const topic of ['orders/delete', 'customers/delete', 'inventory_levels/update', 'products/update']) {
      expect(planEvent({ shop: SHOP, topic, payload: {} }, MAPPED_SETTINGS)).toEqual({ outcome: 'skipped', reason: `topic ${topic} is not synced`, operations: [], failure: null, version: null });
    }
  });

  test('a topic without a row still belongs to its family: its flow, and its resource where the family can read it', () => {
    expect(flowOfTopic('inventory_levels/update')).toBe('inventory');
    expect(flowOfTopic('fulfillment_orders/moved')).toBe('fulfillment');
    expect(flowOfTopic('order_transactions/other')).toBe('orders');
    expect(flowOfTopic('products/update')).toBeNull();
    expect(resourceKeyOf(SHOP, 'orders/delete', { id: 5 })).toBe(`${SHOP}/order/5`);
    expect(resourceKeyOf(SHOP, 'customers/delete', { id: 6 })).toBe(`${SHOP}/customer/6`);
    expect(resourceKeyOf(SHOP, 'order_transactions/other', { order_id: 7 })).toBe(`${SHOP}/topic/order_transactions/other`);
    expect(resourceKeyOf(SHOP, 'inventory_levels/update', { inventory_item_id: 8 })).toBe(`${SHOP}/topic/inventory_levels/update`);
  });

  test('payments, refunds and order edits queue with their order, and their failures name it', () => {
    expect(resourceKeyOf(SHOP, 'order_transactions/create', { order_id: 9 })).toBe(`${SHOP}/order/9`);
    expect(resourceKeyOf(SHOP, 'refunds/create', { order_id: 9 })).toBe(`${SHOP}/order/9`);
    expect(resourceKeyOf(SHOP, 'orders/edited', { order_edit: { order_id: 9 } })).toBe(`${SHOP}/order/9`);
    expect(subjectOf('refunds/create', { order_id: 9 })).toEqual({ kind: 'order', label: 'id 9', shopifyId: '9' });
    expect(subjectOf('orders/paid', { id: 9, name: '#1001' })).toEqual({ kind: 'order', label: '#1001', shopifyId: '9' });
    expect(subjectOf('customers/update', { id: 3, first_name: 'Jane', last_name: 'Doe' })).toEqual({ kind: 'customer', label: 'Jane Doe', shopifyId: '3' });
    expect(subjectOf('order_transactions/create', 'not json')).toEqual({ kind: 'event', label: 'order_transactions/create' });
  });

  test('each row says what its payload holds, so the runner needs no topic names: the state, a part, or a change read back as another topic', () => {
    const holds = (topic: string) => payloadOf(topic);
    expect(SYNCED_TOPICS.filter((topic) => holds(topic)?.carries === 'part')).toEqual(['refunds/create', 'order_transactions/create']);
    expect(holds('orders/edited')).toEqual({ carries: 'change', readAs: 'orders/updated' });
    expect(SYNCED_TOPICS.filter((topic) => topic.startsWith('orders/') && topic !== 'orders/edited').every((topic) => holds(topic)?.carries === 'state')).toBe(true);
    expect(holds('orders/delete')).toBeNull();
  });
});
