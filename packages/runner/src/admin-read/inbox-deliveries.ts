import { createHash } from 'node:crypto';
import { customerWebhookBody, orderWebhookBody, resourceKeyOf, transactionWebhookBody, type ShopifyCustomer, type ShopifyOrder, type ShopifyTransaction } from '@shopsync/core';
import type { NewDelivery } from '../store/store';

/**
 * A synthetic event for the same inbox Shopify's webhooks go to: the worker cannot tell it from a
 * delivery, except by its webhook id (`backfill:`, `reconcile:`, `sle:`, `dn:`) in the evidence trail. The payload is
 * the webhook body the order (or transaction) reads back from, stored as the exact text hashed, like
 * a received body.
 */
export function syntheticDelivery(shop: string, topic: string, webhookId: string, payload: unknown, apiVersion: string | null): NewDelivery {
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

/** An order read over the Admin API, as an orders/updated event: it carries the whole order, as that topic does. */
export function orderDelivery(shop: string, webhookId: string, order: ShopifyOrder, apiVersion: string): NewDelivery {
  return syntheticDelivery(shop, 'orders/updated', webhookId, orderWebhookBody(order), apiVersion);
}

/** One of its transactions, as an order_transactions/create event: payments are planned from these. */
export function transactionDelivery(shop: string, webhookId: string, transaction: ShopifyTransaction, order: ShopifyOrder, apiVersion: string): NewDelivery {
  return syntheticDelivery(shop, 'order_transactions/create', webhookId, transactionWebhookBody(transaction, order.currency), apiVersion);
}

/** A customer read over the Admin API, as a customers/update event: it carries the whole customer, addresses included. */
export function customerDelivery(shop: string, webhookId: string, customer: ShopifyCustomer, apiVersion: string): NewDelivery {
  return syntheticDelivery(shop, 'customers/update', webhookId, customerWebhookBody(customer), apiVersion);
}
