import { timingSafeEqual } from 'node:crypto';

/**
 * The simulator's X-Shopify-Access-Token check, shared by the Admin API and the driver routes:
 * no token configured means open; otherwise a constant-time comparison of equal-length values.
 */
export function tokenAuthorized(header: string | string[] | undefined, expected: string | undefined): boolean {
  if (expected === undefined) return true;
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
