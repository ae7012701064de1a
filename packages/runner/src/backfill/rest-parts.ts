import { parseGid } from '@shopsync/core';
import type { MailingAddress, MoneyBag, TaxLine } from '@shopsync/shopify-client';

// The pieces REST payloads share, made from their Admin API (GraphQL) counterparts.

/** The decimal id inside a GID ("gid://shopify/OrderTransaction/7" → "7"). */
export const legacyId = (gid: string): string => parseGid(gid)?.id ?? gid;

/**
 * REST prints ids as JSON numbers; an id above 2^53 would be rounded there, so it is kept as its exact
 * digits instead (the planner reads every id from admin_graphql_api_id anyway).
 */
export function restId(gid: string): number | string {
  const digits = legacyId(gid);
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : digits;
}

export function moneySet(bag: MoneyBag) {
  return {
    shop_money: { amount: bag.shopMoney.amount, currency_code: bag.shopMoney.currencyCode },
    presentment_money: { amount: bag.presentmentMoney.amount, currency_code: bag.presentmentMoney.currencyCode },
  };
}

export function taxLines(lines: readonly TaxLine[]) {
  return lines.map((line) => ({ title: line.title, rate: line.rate ?? 0, price: line.priceSet.shopMoney.amount, price_set: moneySet(line.priceSet) }));
}

export function address(value: MailingAddress | null) {
  if (value === null) return null;
  return {
    first_name: value.firstName,
    last_name: value.lastName,
    company: value.company,
    address1: value.address1,
    address2: value.address2,
    city: value.city,
    province: value.province,
    province_code: value.provinceCode,
    country: value.country,
    country_code: value.countryCodeV2,
    zip: value.zip,
    phone: value.phone,
  };
}

/** GraphQL enum → REST value: PARTIALLY_PAID → partially_paid. */
export const lower = (value: string | null): string | null => (value === null ? null : value.toLowerCase());

/** displayFulfillmentStatus → REST fulfillment_status (null while nothing shipped). */
export function fulfillmentStatus(display: string): string | null {
  switch (display) {
    case 'FULFILLED':
      return 'fulfilled';
    case 'PARTIALLY_FULFILLED':
      return 'partial';
    case 'RESTOCKED':
      return 'restocked';
    default:
      return null;
  }
}
