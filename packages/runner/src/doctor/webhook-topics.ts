import { SYNCED_TOPICS, type Topic } from '@shopsync/core';

/**
 * The webhook topics shopsync needs subscribed: exactly those the core has a registry row for
 * (REST names, as X-Shopify-Topic carries them), so a topic planned is a topic subscribed.
 */
export const SHOPSYNC_WEBHOOK_TOPICS: readonly Topic[] = SYNCED_TOPICS;
export type ShopsyncWebhookTopic = Topic;
