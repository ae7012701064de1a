import { parseGid } from '../../ids/shopify-gid';
import { sumCents } from '../../money/cents';
import { optionalString } from '../../webhooks/parse-result';
import { setAmount, type MoneyRule, type MoneyScope } from '../shop-money';
import type { GraphqlMoneyBag, GraphqlTaxLine } from './graphql-order';
import type { ShopifyTaxLine } from '../shopify-order';

// How the Admin API's field types read into the core's values: GIDs, enums, MoneyBags, tax lines.

/** The exact id inside a GID of `type` ("gid://shopify/Order/7" → "7"), or null. */
export function gidIdOf(value: unknown, type: string): string | null {
  const gid = parseGid(value);
  return gid !== null && gid.type === type ? gid.id : null;
}

/** A GraphQL enum as REST spells the same value: PARTIALLY_PAID → partially_paid. */
export function restEnum(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value.toLowerCase() : null;
}

/**
 * A MoneyBag's shop money in minor units, read as readShopMoney reads a REST `<field>_set`: the bag
 * names its currency, whose decimals are used; a refusal is an issue naming
 * `<path>.shopMoney.amount` and the value. Null when absent (an issue if required) or refused.
 */
export function readBagCents(bag: GraphqlMoneyBag | null | undefined, path: string, scope: MoneyScope, rule: MoneyRule = {}): number | null {
  // The client's types say non-null where the schema does; a response is still only JSON.
  const amount: unknown = bag?.shopMoney?.amount;
  if (amount === undefined || amount === null) {
    if (rule.required === true) scope.issues.push(`${path} is missing`);
    return null;
  }
  return setAmount(amount, optionalString(bag?.shopMoney.currencyCode), `${path}.shopMoney.amount`, scope, rule);
}

/** The sum of `fields` (money bags) over a list, signed as Shopify gives them; a refused amount counts 0 and is an issue. */
export function sumBags<K extends string>(items: readonly Readonly<Record<K, GraphqlMoneyBag>>[], fields: readonly K[], path: string, scope: MoneyScope): number {
  return sumCents(items.map((item, index) => sumCents(fields.map((field) => readBagCents(item[field], `${path}[${index}].${field}`, scope) ?? 0))));
}

/** Taxes keep their sign, as in the REST reading (parse-money-lines.ts). */
export function parseGraphqlTaxLines(lines: readonly GraphqlTaxLine[], where: string, scope: MoneyScope): ShopifyTaxLine[] {
  return lines.flatMap((line, index) => {
    const cents = readBagCents(line.priceSet, `${where}.taxLines[${index}].priceSet`, scope, { required: true });
    if (cents === null) return [];
    return [{ title: optionalString(line.title) ?? 'Tax', rate: typeof line.rate === 'number' ? line.rate : 0, cents }];
  });
}
