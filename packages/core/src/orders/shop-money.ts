import { parseCents } from '../money/cents';
import { isRecord } from '../webhooks/parse-result';

/**
 * Reads an amount in shop money: `<field>_set.shop_money.amount` when present (the buyer may have paid
 * in another presentment currency), else the plain `<field>`, which Shopify gives in shop currency.
 * `setField` names the money set when Shopify does not follow the `<field>_set` pattern.
 */
export function shopMoneyCents(source: Record<string, unknown>, field: string, setField = `${field}_set`): number | null {
  const set = source[setField];
  if (isRecord(set) && isRecord(set.shop_money)) {
    const cents = parseCents(set.shop_money.amount);
    if (cents !== null) return cents;
  }
  return parseCents(source[field]);
}
