import { timingSafeEqual } from 'node:crypto';
import type { Site } from '../site/site';
import { FrappeError } from '../wire/frappe-error';

export const GUEST = 'Guest';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function keyPair(site: Site, token: string): string {
  const colon = token.indexOf(':');
  // A token without a colon leaves the request as Guest with a 2-part header: 401 (notes §6).
  if (colon < 0) throw new FrappeError({ excType: 'AuthenticationError' });
  const entry = site.apiKeys.get(token.slice(0, colon));
  if (!entry || !sameSecret(entry.secret, token.slice(colon + 1))) throw new FrappeError({ excType: 'AuthenticationError' });
  return entry.user;
}

/**
 * `validate_auth_via_api_keys`: `token key:secret` or `Basic base64(key:secret)`. No header means
 * Guest; anything unrecognised is a bare 401 AuthenticationError (no message, notes §5).
 */
export function authenticate(site: Site, header: string | undefined): string {
  if (!header) return GUEST;
  const parts = header.split(' ');
  if (parts.length !== 2) throw new FrappeError({ excType: 'AuthenticationError' });
  const [scheme = '', credentials = ''] = parts;
  if (scheme.toLowerCase() === 'token') return keyPair(site, credentials);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(credentials) || decoded === '') {
      throw new FrappeError({ excType: 'InvalidAuthorizationToken', excArg: 'Failed to decode token, please provide a valid base64-encoded token.' });
    }
    return keyPair(site, decoded);
  }
  throw new FrappeError({ excType: 'AuthenticationError' });
}
