import { defineShopifyDocument } from '../../graphql/shopify-document';

export const WEBHOOK_SUBSCRIPTION_DELETE = defineShopifyDocument(
  'WebhookSubscriptionDelete',
  `mutation WebhookSubscriptionDelete($id: ID!) {
  webhookSubscriptionDelete(id: $id) {
    deletedWebhookSubscriptionId
    userErrors { field message }
  }
}`,
);
