import { PUSH_TOPICS, SYNCED_TOPICS, type FlowMode, type Topic } from '@shopsync/core';

/**
 * The webhook topics shopsync needs subscribed: exactly those the core has a registry row for
 * (REST names, as X-Shopify-Topic carries them), so a topic planned is a topic subscribed.
 */
export const SHOPSYNC_WEBHOOK_TOPICS: readonly Topic[] = SYNCED_TOPICS;
export type ShopsyncWebhookTopic = Topic;

/** Shopify's topics a push processor reads (inventory_levels/update), needed while their flow is on. */
const SHOPIFY_PUSH_TOPICS = (Object.keys(PUSH_TOPICS) as Array<keyof typeof PUSH_TOPICS>).filter((topic) => PUSH_TOPICS[topic].origin === 'shopify');

/** The topics to subscribe for these flows: every synced topic, and inventory_levels/update while inventory is on. */
export function webhookTopicsFor(flows: { readonly inventory: FlowMode }): readonly string[] {
  return [...SHOPSYNC_WEBHOOK_TOPICS, ...(flows.inventory === 'off' ? [] : SHOPIFY_PUSH_TOPICS)];
}
