import { createHash } from 'node:crypto';
import { resourceKeyOf } from '@shopsync/core';
import type { NewDelivery } from '../store/store';

/**
 * A synthetic event for the same inbox Shopify's webhooks go to: the worker cannot tell it from a
 * delivery, except by its `backfill:` webhook id in the evidence trail. The payload is stored as the
 * exact text hashed, like a received body.
 */
export function backfillDelivery(shop: string, topic: string, webhookId: string, payload: unknown, apiVersion: string): NewDelivery {
  const text = JSON.stringify(payload);
  return {
    shop,
    webhookId,
    topic,
    eventId: null,
    triggeredAt: null,
    apiVersion,
    resourceKey: resourceKeyOf(shop, topic, payload),
    payload: text,
    payloadHash: createHash('sha256').update(text).digest('hex'),
  };
}
