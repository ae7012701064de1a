import { sumCents } from '../money/cents';
import { isRecord, optionalString } from '../webhooks/parse-result';
import type { ShopifyShippingLine, ShopifyTaxLine } from './shopify-order';
import { shopMoneyCents } from './shop-money';

export function parseTaxLines(value: unknown, where: string, issues: string[]): ShopifyTaxLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push(`${where}.tax_lines is not a list`);
    return [];
  }
  return value.flatMap((raw, index) => {
    const cents = isRecord(raw) ? shopMoneyCents(raw, 'price') : null;
    if (!isRecord(raw) || cents === null) {
      issues.push(`${where}.tax_lines[${index}] has no amount`);
      return [];
    }
    return [{ title: optionalString(raw.title) ?? 'Tax', rate: typeof raw.rate === 'number' ? raw.rate : 0, cents }];
  });
}

/** The sum of a line's (or shipping line's) discount allocations, shop money. */
export function allocatedDiscountCents(value: unknown, where: string, issues: string[]): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    issues.push(`${where}.discount_allocations is not a list`);
    return 0;
  }
  return sumCents(
    value.map((raw, index) => {
      const cents = isRecord(raw) ? shopMoneyCents(raw, 'amount') : null;
      if (cents === null) issues.push(`${where}.discount_allocations[${index}] has no amount`);
      return cents ?? 0;
    }),
  );
}

export function parseShippingLines(value: unknown, issues: string[]): ShopifyShippingLine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push('shipping_lines is not a list');
    return [];
  }
  return value.flatMap((raw, index) => {
    const where = `shipping_lines[${index}]`;
    if (!isRecord(raw) || raw.is_removed === true) return [];
    const price = shopMoneyCents(raw, 'price');
    if (price === null) {
      issues.push(`${where} has no price`);
      return [];
    }
    // Shopify states the discounted shipping price itself; older payloads only carry the allocations.
    const discounted = shopMoneyCents(raw, 'discounted_price') ?? price - allocatedDiscountCents(raw.discount_allocations, where, issues);
    return [{ title: optionalString(raw.title) ?? 'Shipping', cents: discounted, taxLines: parseTaxLines(raw.tax_lines, where, issues) }];
  });
}

/** Duties on a line, shop money (international orders with duties collected at checkout). */
export function dutiesCents(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  return sumCents(value.map((raw) => (isRecord(raw) ? shopMoneyCents(raw, 'price') ?? 0 : 0)));
}
