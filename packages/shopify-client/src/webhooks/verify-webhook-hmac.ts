import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacRejection = 'missing_header' | 'malformed_header' | 'bad_signature';

export type HmacVerdict = { readonly ok: true; readonly secretIndex: number } | { readonly ok: false; readonly reason: HmacRejection };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SHA256_BYTES = 32;

export function webhookHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Checks Shopify's `X-Shopify-Hmac-Sha256` over the raw body bytes, before anything parses them (G6).
 * Several secrets are accepted because, after a secret rotation, Shopify may sign with the old one
 * for up to an hour. The comparison is constant-time on equal-length digests.
 */
export function verifyWebhookHmac(rawBody: Buffer, header: string | undefined, secrets: readonly string[]): HmacVerdict {
  if (header === undefined || header.length === 0) return { ok: false, reason: 'missing_header' };
  const trimmed = header.trim();
  if (!BASE64.test(trimmed)) return { ok: false, reason: 'malformed_header' };
  const received = Buffer.from(trimmed, 'base64');
  if (received.length !== SHA256_BYTES) return { ok: false, reason: 'malformed_header' };
  let match = -1;
  secrets.forEach((secret, index) => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Every secret is compared, even after a match, so timing does not tell which one signed.
    if (timingSafeEqual(expected, received) && match === -1) match = index;
  });
  return match === -1 ? { ok: false, reason: 'bad_signature' } : { ok: true, secretIndex: match };
}
