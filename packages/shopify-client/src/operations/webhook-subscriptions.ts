import { toShopifyError } from '../errors/to-shopify-error';
import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { WEBHOOK_SUBSCRIPTION_CREATE } from './documents/webhook-subscription-create';
import { WEBHOOK_SUBSCRIPTION_DELETE } from './documents/webhook-subscription-delete';
import { WEBHOOK_SUBSCRIPTIONS_PAGE } from './documents/webhook-subscriptions-page';
import { mutate } from './payload';
import type { Page, WebhookSubscription } from './types';

/** `orders/create` → `ORDERS_CREATE` (notes §1.6: upper-case, `/` → `_`); enum values pass through. */
export function webhookTopicEnum(topic: string): string {
  return topic.includes('/') ? topic.replace('/', '_').toUpperCase() : topic;
}

export async function listWebhookSubscriptions(client: ShopifyGraphqlClient, options: { topics?: readonly string[] } = {}): Promise<WebhookSubscription[]> {
  const topics = options.topics?.map(webhookTopicEnum) ?? null;
  const all: WebhookSubscription[] = [];
  let after: string | null = null;
  do {
    const { data }: { data: { webhookSubscriptions: Page<WebhookSubscription> } } = await client.request(WEBHOOK_SUBSCRIPTIONS_PAGE, { after, topics });
    all.push(...data.webhookSubscriptions.nodes);
    after = data.webhookSubscriptions.pageInfo.hasNextPage ? data.webhookSubscriptions.pageInfo.endCursor : null;
  } while (after !== null);
  return all;
}

export interface CreateWebhookSubscriptionInput {
  /** REST name (`orders/create`) or enum (`ORDERS_CREATE`). */
  readonly topic: string;
  /** HTTPS endpoint (Shopify); the simulator also takes http on loopback. */
  readonly uri: string;
  /** Sent back as X-Shopify-Name (2026-04+). */
  readonly name?: string;
  readonly includeFields?: readonly string[];
  readonly filter?: string;
}

/** Creates a shop-specific subscription; "already taken" comes back as shopify.user_error (adopt it). */
export async function createWebhookSubscription(client: ShopifyGraphqlClient, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscription> {
  const webhookSubscription = {
    uri: input.uri,
    format: 'JSON',
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.includeFields === undefined ? {} : { includeFields: input.includeFields }),
    ...(input.filter === undefined ? {} : { filter: input.filter }),
  };
  const payload = await mutate<{ webhookSubscription: WebhookSubscription | null; userErrors: [] }>(client, WEBHOOK_SUBSCRIPTION_CREATE, 'webhookSubscriptionCreate', { topic: webhookTopicEnum(input.topic), webhookSubscription });
  if (!payload.webhookSubscription) throw toShopifyError({ kind: 'http', status: 200, body: payload }, { document: WEBHOOK_SUBSCRIPTION_CREATE.name });
  return payload.webhookSubscription;
}

/** Deletes a subscription; returns the deleted id. */
export async function deleteWebhookSubscription(client: ShopifyGraphqlClient, id: string): Promise<string> {
  const payload = await mutate<{ deletedWebhookSubscriptionId: string | null; userErrors: [] }>(client, WEBHOOK_SUBSCRIPTION_DELETE, 'webhookSubscriptionDelete', { id });
  return payload.deletedWebhookSubscriptionId ?? id;
}
