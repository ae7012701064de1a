import { defineShopifyDocument } from '../../graphql/shopify-document';

/** Shop-specific (API-created) webhook subscriptions; TOML ones are not listed (notes §8). */
export const WEBHOOK_SUBSCRIPTIONS_PAGE = defineShopifyDocument(
  'WebhookSubscriptionsPage',
  `query WebhookSubscriptionsPage($first: Int = 100, $after: String, $topics: [WebhookSubscriptionTopic!]) {
  webhookSubscriptions(first: $first, after: $after, topics: $topics) {
    pageInfo { hasNextPage endCursor }
    nodes { id topic uri format name includeFields filter createdAt updatedAt apiVersion { handle } }
  }
}`,
);
