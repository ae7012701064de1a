import { sumCents } from '../money/cents';
import { isRecord, optionalString } from '../webhooks/parse-result';
import type { ShopifyShippingLine, ShopifyTaxLine } from './shopify-order';
import { shopMoneyCents } from './shop-money';

export function parseTaxLines(value: unknown, where: string, issues: string[], exponent = 2): ShopifyTaxLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push(`${where}.tax_lines is not a list`);
    return [];
  }
  return value.flatMap((raw, index) => {
    const cents = isRecord(raw) ? shopMoneyCents(raw, 'price', exponent) : null;
    if (!isRecord(raw) || cents === null) {
      issues.push(`${where}.tax_lines[${index}] has no amount`);
      return [];
    }
    return [{ title: optionalString(raw.title) ?? 'Tax', rate: typeof raw.rate === 'number' ? raw.rate : 0, cents }];
  });
}

/** The sum of a line's (or shipping line's) discount allocations, shop money. */
export function allocatedDiscountCents(value: unknown, where: string, issues: string[], exponent = 2): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    issues.push(`${where}.discount_allocations is not a list`);
    return 0;
  }
  return sumCents(
    value.map((raw, index) => {
      const cents = isRecord(raw) ? shopMoneyCents(raw, 'amount', exponent) : null;
      if (cents === null) issues.push(`${where}.discount_allocations[${index}] has no amount`);
      return cents ?? 0;
    }),
  );
}

export function parseShippingLines(value: unknown, issues: string[], exponent = 2): ShopifyShippingLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push('shipping_lines is not a list');
    return [];
  }
  return value.flatMap((raw, index) => {
    const where = `shipping_lines[${index}]`;
    if (!isRecord(raw) || raw.is_removed === true) return [];
    const price = shopMoneyCents(raw, 'price', exponent);
    if (price === null) {
      issues.push(`${where} has no price`);
      return [];
    }
    // Shopify states the discounted shipping price itself; older payloads only carry the allocations.
    const discounted = shopMoneyCents(raw, 'discounted_price', exponent) ?? price - allocatedDiscountCents(raw.discount_allocations, where, issues, exponent);
    return [{ title: optionalString(raw.title) ?? 'Shipping', cents: discounted, taxLines: parseTaxLines(raw.tax_lines, where, issues, exponent) }];
  });
}

/** Duties on a line, shop money (international orders with duties collected at checkout). */
export function dutiesCents(value: unknown, exponent = 2): number {
  if (!Array.isArray(value)) return 0;
  return sumCents(value.map((raw) => (isRecord(raw) ? shopMoneyCents(raw, 'price', exponent) ?? 0 : 0)));
}
