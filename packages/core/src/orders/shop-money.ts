import { parseCents } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { isRecord } from '../webhooks/parse-result';

/**
 * Reads an amount in shop money, in the minor units of the shop's currency:
 * `<field>_set.shop_money.amount` when present (the buyer may have paid in another presentment
 * currency), else the plain `<field>`, which Shopify gives in shop currency. The set names its
 * currency, and that currency's decimals are used; the plain field is read with `exponent`, the
 * decimals of the currency the caller knows the payload is in. `setField` names the money set when
 * Shopify does not follow the `<field>_set` pattern.
 */
export function shopMoneyCents(source: Record<string, unknown>, field: string, exponent = 2, setField = `${field}_set`): number | null {
  const set = source[setField];
  if (isRecord(set) && isRecord(set.shop_money)) {
    const code = set.shop_money.currency_code;
    const cents = parseCents(set.shop_money.amount, typeof code === 'string' ? currencyExponent(code) : exponent);
    if (cents !== null) return cents;
  }
  return parseCents(source[field], exponent);
}
