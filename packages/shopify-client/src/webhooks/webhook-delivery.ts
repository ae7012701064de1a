import type { IncomingHttpHeaders } from 'node:http';

/** One HTTPS delivery of a Shopify webhook, as its headers describe it. */
export interface WebhookDelivery {
  readonly topic: string;
  readonly shopDomain: string;
  /** Unique per delivery and identical on its retries: the dedup key. */
  readonly webhookId: string;
  /** Shared by every delivery one merchant action produced. */
  readonly eventId: string | null;
  readonly triggeredAt: string | null;
  readonly apiVersion: string | null;
  readonly hmac: string | undefined;
}

export type DeliveryHeaderResult = { readonly ok: true; readonly delivery: WebhookDelivery } | { readonly ok: false; readonly missing: readonly string[] };

/** Node lowercases header names; newer "Events" deliveries drop the X- prefix, so both are read. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[`x-shopify-${name}`] ?? headers[`shopify-${name}`];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.length === 0 ? undefined : text;
}

export function hmacHeaderOf(headers: IncomingHttpHeaders): string | undefined {
  return header(headers, 'hmac-sha256');
}

export function parseDeliveryHeaders(headers: IncomingHttpHeaders): DeliveryHeaderResult {
  const topic = header(headers, 'topic');
  const shopDomain = header(headers, 'shop-domain');
  const webhookId = header(headers, 'webhook-id');
  const missing = [
    ...(topic === undefined ? ['X-Shopify-Topic'] : []),
    ...(shopDomain === undefined ? ['X-Shopify-Shop-Domain'] : []),
    ...(webhookId === undefined ? ['X-Shopify-Webhook-Id'] : []),
  ];
  if (topic === undefined || shopDomain === undefined || webhookId === undefined) return { ok: false, missing };
  return {
    ok: true,
    delivery: {
      topic,
      shopDomain: shopDomain.toLowerCase(),
      webhookId,
      eventId: header(headers, 'event-id') ?? null,
      triggeredAt: header(headers, 'triggered-at') ?? null,
      apiVersion: header(headers, 'api-version') ?? null,
      hmac: hmacHeaderOf(headers),
    },
  };
}
