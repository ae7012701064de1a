import { MAX_INTEGER_DIGITS, formatCents } from '../money/cents';

// What both wire shapes (parse-order.ts, graphql/parse-graphql-lines.ts) check on an order line.

/** A count of units: a whole number, not below zero, and small enough to multiply exactly. */
export function isCount(value: unknown, path: string, issues: string[]): value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) issues.push(`${path} is not a whole number`);
  else if (value < 0) issues.push(`${path} is below zero: ${value}`);
  else return true;
  return false;
}

/** The row amount (qty × rate) is a Currency column too, so it has the same ceiling as a price. */
export function checkRowCeiling(where: string, quantity: number | null, priceCents: number | null, exponent: number, issues: string[]): void {
  if (quantity !== null && priceCents !== null && quantity * priceCents >= 10 ** (MAX_INTEGER_DIGITS + exponent)) {
    issues.push(`${where} amounts to more than ERPNext can store (${MAX_INTEGER_DIGITS} integer digits): ${quantity} × ${formatCents(priceCents, exponent)}`);
  }
}
