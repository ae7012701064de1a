import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isInternalTopic, resourceKeyOf } from '@shopsync/core';
import { hmacHeaderOf, parseDeliveryHeaders, verifyWebhookHmac, type HmacRejection } from '@shopsync/shopify-client';
import type { DeliveryInbox } from './group-commit';

export interface WebhookReply {
  readonly status: number;
  readonly body: string;
  /** For the log line: what happened to this request. */
  readonly outcome: 'accepted' | 'duplicate' | HmacRejection | 'unknown_shop' | 'bad_headers' | 'bad_json' | 'internal_topic';
  readonly inboxId?: number;
}

export interface WebhookIngressDeps {
  /** Commits the delivery (grouped with concurrent ones) before the reply goes out. */
  readonly inbox: DeliveryInbox;
  /** Shop domain → accepted webhook secrets (the newest first; an old one stays during rotation). */
  readonly secretsByShop: ReadonlyMap<string, readonly string[]>;
}

const reply = (status: number, outcome: WebhookReply['outcome'], body: string, inboxId?: number): WebhookReply => ({
  status,
  outcome,
  body,
  ...(inboxId === undefined ? {} : { inboxId }),
});

/**
 * The ingress decision, in order: authenticity on the raw bytes (G6), then headers, then JSON, then a
 * durable insert. Only after the commit is 200 returned, so an acknowledged webhook is never lost (G2).
 * A shop we do not serve cannot be verified (no secret), so it is refused like a bad signature.
 */
export async function handleWebhook(headers: IncomingHttpHeaders, rawBody: Buffer, deps: WebhookIngressDeps): Promise<WebhookReply> {
  const shopHeader = headers['x-shopify-shop-domain'] ?? headers['shopify-shop-domain'];
  const shop = (Array.isArray(shopHeader) ? shopHeader[0] : shopHeader)?.trim().toLowerCase();
  // Without the shop there is no secret to check the signature with: say which header is missing
  // (a 400 changes nothing, so answering it before verifying leaks and risks nothing).
  if (shop === undefined || shop === '') return reply(400, 'bad_headers', 'missing header: X-Shopify-Shop-Domain (the shop whose secret signs the webhook)');
  const secrets = deps.secretsByShop.get(shop);
  const verdict = verifyWebhookHmac(rawBody, hmacHeaderOf(headers), secrets ?? []);
  if (!verdict.ok) {
    const outcome = secrets === undefined && verdict.reason === 'bad_signature' ? 'unknown_shop' : verdict.reason;
    return reply(401, outcome, 'webhook signature could not be verified');
  }
  const parsed = parseDeliveryHeaders(headers);
  if (!parsed.ok) return reply(400, 'bad_headers', `missing headers: ${parsed.missing.join(', ')}`);
  const payloadText = rawBody.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return reply(400, 'bad_json', 'body is not valid JSON');
  }
  const { delivery } = parsed;
  // stock/changed and delivery_notes/* are made by shopsync from ERPNext's Stock Ledger: a webhook carrying one is refused.
  if (isInternalTopic(delivery.topic)) return reply(400, 'internal_topic', `topic ${delivery.topic} is shopsync's own and is not accepted from a webhook`);
  const accepted = await deps.inbox.accept(
    {
      shop: delivery.shopDomain,
      webhookId: delivery.webhookId,
      topic: delivery.topic,
      eventId: delivery.eventId,
      triggeredAt: delivery.triggeredAt,
      apiVersion: delivery.apiVersion,
      resourceKey: resourceKeyOf(delivery.shopDomain, delivery.topic, payload),
      payload: payloadText,
      payloadHash: createHash('sha256').update(rawBody).digest('hex'),
    },
  );
  return accepted.duplicate ? reply(200, 'duplicate', 'duplicate', accepted.inboxId) : reply(200, 'accepted', 'ok', accepted.inboxId);
}
