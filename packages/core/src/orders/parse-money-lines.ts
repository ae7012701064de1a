import { sumCents } from '../money/cents';
import { isRecord, optionalString } from '../webhooks/parse-result';
import type { ShopifyShippingLine, ShopifyTaxLine } from './shopify-order';
import { readShopMoney, type MoneyScope } from './shop-money';

// Only a line's price and the order total are held non-negative (parse-order.ts): they become an
// ERPNext item rate and grand total. Taxes, discounts, shipping and duties keep the sign they are
// sent with: the Shopify samples show none negative, but nothing documents that they never are, and
// an amount whose sign disagrees with the rest of the order fails the total check against total_price.

export function parseTaxLines(value: unknown, where: string, scope: MoneyScope): ShopifyTaxLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    scope.issues.push(`${where}.tax_lines is not a list`);
    return [];
  }
  return value.flatMap((raw, index) => {
    const at = `${where}.tax_lines[${index}]`;
    if (!isRecord(raw)) {
      scope.issues.push(`${at} is not an object`);
      return [];
    }
    const cents = readShopMoney(raw, 'price', at, scope, { required: true });
    if (cents === null) return [];
    return [{ title: optionalString(raw.title) ?? 'Tax', rate: typeof raw.rate === 'number' ? raw.rate : 0, cents }];
  });
}

/** The sum of a line's (or shipping line's) discount allocations, shop money. */
export function allocatedDiscountCents(value: unknown, where: string, scope: MoneyScope): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    scope.issues.push(`${where}.discount_allocations is not a list`);
    return 0;
  }
  return sumCents(
    value.map((raw, index) => {
      const at = `${where}.discount_allocations[${index}]`;
      if (!isRecord(raw)) scope.issues.push(`${at} is not an object`);
      return (isRecord(raw) ? readShopMoney(raw, 'amount', at, scope, { required: true }) : null) ?? 0;
    }),
  );
}

export function parseShippingLines(value: unknown, scope: MoneyScope): ShopifyShippingLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    scope.issues.push('shipping_lines is not a list');
    return [];
  }
  return value.flatMap((raw, index) => {
    const where = `shipping_lines[${index}]`;
    if (!isRecord(raw) || raw.is_removed === true) return [];
    const price = readShopMoney(raw, 'price', where, scope, { required: true });
    if (price === null) return [];
    // Shopify states the discounted shipping price itself; older payloads only carry the allocations.
    const discounted = readShopMoney(raw, 'discounted_price', where, scope) ?? price - allocatedDiscountCents(raw.discount_allocations, where, scope);
    return [{ title: optionalString(raw.title) ?? 'Shipping', cents: discounted, taxLines: parseTaxLines(raw.tax_lines, where, scope) }];
  });
}

/** Duties on a line, shop money (international orders with duties collected at checkout). */
export function dutiesCents(value: unknown, where: string, scope: MoneyScope): number {
  if (!Array.isArray(value)) return 0;
  return sumCents(value.map((raw, index) => (isRecord(raw) ? readShopMoney(raw, 'price', `${where}.duties[${index}]`, scope) ?? 0 : 0)));
}
