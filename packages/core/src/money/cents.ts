/**
 * Money is carried as integers in the currency's minor unit — "cents" below, which are fils for KWD
 * (3 decimals) and whole yen for JPY (0): Shopify sends decimal strings ("89.99", sometimes "30.0"),
 * and summing floats would lose units that the total check must see. `exponent` is the currency's
 * number of decimals (ISO 4217, see currency-exponent.ts); 2 when not given.
 */
import { readCents } from './read-cents';

// The reader and its reasons are part of this module's surface (the core index exports this file).
export { MAX_INTEGER_DIGITS, readCents, type CentsReading, type CentsRefusal } from './read-cents';

/**
 * A decimal string (or JSON number) in minor units, or null when it cannot be booked exactly:
 * not a plain decimal, non-zero digits beyond the currency's decimals ("1000.00" JPY is fine), or
 * beyond what ERPNext stores. readCents says which.
 */
export function parseCents(value: unknown, exponent = 2): number | null {
  const reading = readCents(value, exponent);
  return reading.ok ? reading.cents : null;
}

/** ERPNext's Currency fields are JSON numbers; up to 3 decimals the nearest float prints exactly. */
export function centsToAmount(cents: number, exponent = 2): number {
  return Math.round(cents) / 10 ** exponent;
}

export function formatCents(cents: number, exponent = 2): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const unit = 10 ** exponent;
  const whole = Math.floor(abs / unit);
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(abs % unit).padStart(exponent, '0')}`;
}

export function sumCents(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
