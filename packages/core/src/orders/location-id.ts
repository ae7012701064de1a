/** A Shopify location id as REST carries it (a number, or digits); anything else is no location. */
export function locationIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return typeof value === 'string' && /^\d+$/.test(value) ? value : null;
}
