import { defineShopifyDocument } from '../../graphql/shopify-document';

/** `uri` (2025-10+) replaces the deprecated `callbackUrl`; `name` exists from 2026-04 (notes §8). */
export const WEBHOOK_SUBSCRIPTION_CREATE = defineShopifyDocument(
  'WebhookSubscriptionCreate',
  `mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { id topic uri format name includeFields filter createdAt updatedAt apiVersion { handle } }
    userErrors { field message }
  }
}`,
);
