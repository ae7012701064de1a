import { parseDeliveryHeaders, verifyWebhookHmac, webhookHmac } from '@shopsync/shopify-client';

const body = Buffer.from('{"id":820982911946154508,"name":"#9999"}');

describe('verifyWebhookHmac', () => {
  test('accepts the base64 HMAC-SHA256 of the raw bytes', () => {
    expect(verifyWebhookHmac(body, webhookHmac(body, 'secret'), ['secret'])).toEqual({ ok: true, secretIndex: 0 });
  });

  test('accepts the old secret during a rotation and says which one matched', () => {
    expect(verifyWebhookHmac(body, webhookHmac(body, 'old'), ['new', 'old'])).toEqual({ ok: true, secretIndex: 1 });
  });

  test('rejects a signature made with another secret', () => {
    expect(verifyWebhookHmac(body, webhookHmac(body, 'other'), ['secret'])).toEqual({ ok: false, reason: 'bad_signature' });
  });

  test('rejects a body changed by one byte, e.g. re-serialised JSON', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    expect(reserialised.equals(body)).toBe(false);
    expect(verifyWebhookHmac(reserialised, webhookHmac(body, 'secret'), ['secret'])).toEqual({ ok: false, reason: 'bad_signature' });
  });

  test.each([
    [undefined, 'missing_header'],
    ['', 'missing_header'],
    ['not base64!', 'malformed_header'],
    [Buffer.from('short').toString('base64'), 'malformed_header'],
  ])('rejects header %p as %s', (header, reason) => {
    expect(verifyWebhookHmac(body, header, ['secret'])).toEqual({ ok: false, reason });
  });
});

describe('parseDeliveryHeaders', () => {
  const headers = {
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'Shop.myshopify.com',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
    'x-shopify-triggered-at': '2026-11-27T10:00:00.000Z',
    'x-shopify-api-version': '2026-10',
    'x-shopify-hmac-sha256': 'abc=',
  };

  test('reads every header, lower-casing the shop domain', () => {
    expect(parseDeliveryHeaders(headers)).toEqual({
      ok: true,
      delivery: {
        topic: 'orders/create',
        shopDomain: 'shop.myshopify.com',
        webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
        triggeredAt: '2026-11-27T10:00:00.000Z',
        apiVersion: '2026-10',
        hmac: 'abc=',
      },
    });
  });

  test('accepts the un-prefixed header names of Shopify Events deliveries', () => {
    const result = parseDeliveryHeaders({ 'shopify-topic': 't', 'shopify-shop-domain': 's', 'shopify-webhook-id': 'w' });
    expect(result.ok && result.delivery.webhookId).toBe('w');
  });

  test('lists every missing identifying header at once', () => {
    expect(parseDeliveryHeaders({ 'x-shopify-topic': 'orders/create' })).toEqual({
      ok: false,
      missing: ['X-Shopify-Shop-Domain', 'X-Shopify-Webhook-Id'],
    });
  });
});
