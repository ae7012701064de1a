import { createHmac } from 'node:crypto';
import type { ShopifyWebhookSubscription } from './webhook-subscriptions';

/** One delivery = one event × one subscription. Retries and duplicates re-send it unchanged. */
export interface ShopifyWebhookDelivery {
  webhookId: string;
  eventId: string;
  topic: string;
  subscriptionId: number;
  /** The address at trigger time: Shopify retries there even if the subscription changes. */
  address: string;
  apiVersion: string;
  subscriptionName: string | null;
  /** UTC ISO instant of the merchant action (X-Shopify-Triggered-At). */
  triggeredAt: string;
  /** The exact bytes POSTed on every attempt. */
  body: Buffer;
  hmac: string;
  status: 'pending' | 'delivered' | 'gave-up' | 'dropped' | 'abandoned';
  attempts: number;
  lastStatus: number | null;
}

export type ShopifyDeliveryOutcome = Pick<ShopifyWebhookDelivery, 'webhookId' | 'eventId' | 'topic' | 'subscriptionId' | 'attempts' | 'lastStatus'> & {
  status: Exclude<ShopifyWebhookDelivery['status'], 'pending'>;
};

export function newDelivery(
  subscription: ShopifyWebhookSubscription,
  event: { eventId: string; topic: string; triggeredAt: string; body: Buffer; hmac: string },
  webhookId: string,
): ShopifyWebhookDelivery {
  return {
    webhookId,
    eventId: event.eventId,
    topic: event.topic,
    subscriptionId: subscription.id,
    address: subscription.address,
    apiVersion: subscription.api_version,
    subscriptionName: subscription.name,
    triggeredAt: event.triggeredAt,
    body: event.body,
    hmac: event.hmac,
    status: 'pending',
    attempts: 0,
    lastStatus: null,
  };
}

/** Headers of a classic HTTPS webhook delivery (notes §1.1). */
export function deliveryHeaders(delivery: ShopifyWebhookDelivery, shopDomain: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Shopify-Captain-Hook',
    'X-Shopify-Topic': delivery.topic,
    'X-Shopify-Hmac-Sha256': delivery.hmac,
    'X-Shopify-Shop-Domain': shopDomain,
    'X-Shopify-Webhook-Id': delivery.webhookId,
    'X-Shopify-Event-Id': delivery.eventId,
    'X-Shopify-Triggered-At': delivery.triggeredAt,
    'X-Shopify-API-Version': delivery.apiVersion,
  };
  if (delivery.subscriptionName) headers['X-Shopify-Name'] = delivery.subscriptionName;
  return headers;
}

/**
 * X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the exact body bytes, keyed with the app's client
 * secret (notes §1.2). Signing the Buffer that is sent, not a re-serialization, is the point.
 */
export function signShopifyWebhook(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}
