import { MAX_INTEGER_DIGITS, readCents, type CentsRefusal } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { isRecord, optionalString } from '../webhooks/parse-result';

/**
 * What reading money in one payload needs: the currency the plain fields are in (named in issues;
 * null when the payload does not say, as a refunds/create body), its decimals, and where issues go.
 */
export interface MoneyScope {
  readonly currency: string | null;
  readonly exponent: number;
  readonly issues: string[];
}

export interface MoneyRule {
  /** Absent money is an issue, not a default. */
  readonly required?: boolean;
  /** A price or total below zero has no meaning in ERPNext (a negative rate came back as "Data missing in table: Items"). */
  readonly nonNegative?: boolean;
  /** The money set's name, when Shopify does not follow the `<field>_set` pattern. */
  readonly setField?: string;
}

function shown(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
  // A payload can carry a megabyte of digits; the sentence only needs to show which value it was.
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function refusal(path: string, value: unknown, why: CentsRefusal, currency: string | null, exponent: number): string {
  if (why === 'too_large') return `${path} is larger than ERPNext can store (${MAX_INTEGER_DIGITS} integer digits): ${shown(value)}`;
  const unit = currency === null ? `with ${exponent} decimals` : `in ${currency} (${exponent} decimals)`;
  return `${path} is not an exact amount ${unit}: ${shown(value)}`;
}

/**
 * One amount in minor units of `currency` (with `exponent` decimals), or null with an issue naming
 * `path` and the value: the one reading of money both wire shapes share (graphql/graphql-fields.ts).
 */
function checkedAmount(value: unknown, path: string, currency: string | null, exponent: number, scope: MoneyScope, rule: MoneyRule): number | null {
  const reading = readCents(value, exponent);
  if (!reading.ok) {
    scope.issues.push(refusal(path, value, reading.refusal, currency, exponent));
    return null;
  }
  if (rule.nonNegative === true && reading.cents < 0) {
    scope.issues.push(`${path} is below zero: ${shown(value)}`);
    return null;
  }
  return reading.cents;
}

/** A money set's amount: in the currency the set names, else in the scope's. */
export function setAmount(amount: unknown, code: string | null, path: string, scope: MoneyScope, rule: MoneyRule): number | null {
  return checkedAmount(amount, path, code ?? scope.currency, code === null ? scope.exponent : currencyExponent(code), scope, rule);
}

/**
 * Reads an amount in shop money, in the minor units of the shop's currency:
 * `<field>_set.shop_money.amount` when present (the buyer may have paid in another presentment
 * currency), else the plain `<field>`, which Shopify gives in shop currency. The set names its
 * currency, and that currency's decimals are used; the plain field is read in the scope's currency.
 * Null when the money is absent or refused; a refusal is an issue naming the field (`where` is the
 * path of `source`) and the value. A set that is present but unreadable is not replaced by the plain
 * field: the payload contradicts itself, and guessing which half is right would book a wrong amount.
 */
export function readShopMoney(source: Record<string, unknown>, field: string, where: string, scope: MoneyScope, rule: MoneyRule = {}): number | null {
  const path = where === '' ? field : `${where}.${field}`;
  const setField = rule.setField ?? `${field}_set`;
  const set = source[setField];
  const shop = isRecord(set) && isRecord(set.shop_money) ? set.shop_money : null;
  if (shop !== null && shop.amount !== undefined && shop.amount !== null) {
    const setPath = `${where === '' ? setField : `${where}.${setField}`}.shop_money.amount`;
    return setAmount(shop.amount, optionalString(shop.currency_code), setPath, scope, rule);
  }
  const plain = source[field];
  if (plain === undefined || plain === null) {
    if (rule.required === true) scope.issues.push(`${path} is missing`);
    return null;
  }
  return checkedAmount(plain, path, scope.currency, scope.exponent, scope, rule);
}
