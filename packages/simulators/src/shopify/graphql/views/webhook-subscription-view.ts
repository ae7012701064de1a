import type { ShopifyWebhookSubscription } from '../../webhook-subscriptions';
import { topicEnum } from '../mutations/webhook-topics';
import type { SimContext, SubscriptionMeta } from '../sim-context';
import type { View } from './resolve-fields';
import { dateTime } from './wire-format';

/** Subscriptions made through /_sim or the driver get their metadata when first seen. */
export function subscriptionMeta(s: ShopifyWebhookSubscription, ctx: SimContext): SubscriptionMeta {
  let meta = ctx.state.subscriptionMeta.get(s.id);
  if (!meta) {
    const at = ctx.shop.now();
    meta = { createdAt: at, updatedAt: at, includeFields: [], filter: null };
    ctx.state.subscriptionMeta.set(s.id, meta);
  }
  return meta;
}

export function webhookSubscriptionView(s: ShopifyWebhookSubscription, ctx: SimContext): View {
  const meta = subscriptionMeta(s, ctx);
  return {
    __typename: 'WebhookSubscription',
    id: s.admin_graphql_api_id,
    legacyResourceId: String(s.id),
    topic: topicEnum(s.topic),
    uri: s.address,
    callbackUrl: s.address,
    endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: s.address },
    format: 'JSON',
    name: s.name,
    includeFields: [...meta.includeFields],
    filter: meta.filter,
    metafieldNamespaces: [],
    metafields: [],
    createdAt: dateTime(meta.createdAt),
    updatedAt: dateTime(meta.updatedAt),
    apiVersion: { handle: s.api_version, displayName: s.api_version, supported: true },
  };
}
