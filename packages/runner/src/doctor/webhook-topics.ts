import { PUSH_TOPICS, SYNCED_TOPICS, flowOfTopic, type Flow, type FlowMode, type PushTopic, type Topic } from '@shopsync/core';

/**
 * The webhook topics shopsync needs subscribed: exactly those the core has a registry row for
 * (REST names, as X-Shopify-Topic carries them), so a topic planned is a topic subscribed.
 */
export const SHOPSYNC_WEBHOOK_TOPICS: readonly Topic[] = SYNCED_TOPICS;
export type ShopsyncWebhookTopic = Topic;

/** Shopify's topics a push processor reads (inventory_levels/update): needed while their family's flow is on. */
const SHOPIFY_PUSH_TOPICS = (Object.keys(PUSH_TOPICS) as PushTopic[]).filter((topic) => PUSH_TOPICS[topic].origin === 'shopify');

/** The topics to subscribe for these flows: every synced topic, and each of Shopify's push topics while its family's flow is not off. */
export function webhookTopicsFor(flows: Readonly<Record<Flow, FlowMode>>): readonly string[] {
  const on = (topic: PushTopic): boolean => {
    const flow = flowOfTopic(topic);
    return flow !== null && flows[flow] !== 'off';
  };
  return [...SHOPSYNC_WEBHOOK_TOPICS, ...SHOPIFY_PUSH_TOPICS.filter(on)];
}
