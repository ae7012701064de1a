import { GraphQLError } from 'graphql';
import { shopifyGid, type ShopifyResourceType } from '../../shop-ids';

// How the GraphQL Admin API prints values (notes §2, §4): DateTime in UTC with "Z" and whole
// seconds, Decimal/Money as strings with at least one decimal ("5.0", "19.99"), UnsignedInt64 as a
// decimal string, ids as GIDs.

export function dateTime(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 500 → "5.0", 1250 → "12.5", 1999 → "19.99" (BigDecimal#to_s as Shopify prints it). */
export function decimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

export function moneyV2(cents: number, currencyCode: string) {
  return { amount: decimal(cents), currencyCode };
}

/** Presentment currency equals shop currency: the simulator has no multi-currency markets. */
export function moneyBag(cents: number, currencyCode: string) {
  return { shopMoney: moneyV2(cents, currencyCode), presentmentMoney: moneyV2(cents, currencyCode) };
}

export function gid(type: ShopifyResourceType, id: number): string {
  return shopifyGid(type, id);
}

/** The numeric id inside a GID of `type`, or undefined for anything else (wrong type, malformed). */
export function gidNumber(value: unknown, type: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!match || match[1] !== type) return undefined;
  const n = Number(match[2]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The type part of a GID, e.g. "Order". */
export function gidType(value: string): string | undefined {
  return /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(value)?.[1];
}

/** Shopify's answer to an ID argument that is not a GID ("Invalid global id '…'"). */
export function invalidGlobalId(value: unknown): GraphQLError {
  return new GraphQLError(`Invalid global id '${String(value)}'`, { extensions: { code: 'argumentLiteralsIncompatible' } });
}
