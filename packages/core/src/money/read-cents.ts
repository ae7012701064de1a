/**
 * The exact reading of one money value into minor units, or why it cannot be booked. Floats are
 * never trusted to carry money: a price of 1e308 became Infinity after × 100 (which equals itself,
 * so the total check passed and ERPNext booked the price-list rate), and "99999999999999999999.99"
 * became 1e22 with its cents gone (issue 11).
 */

/**
 * ERPNext's Currency columns are decimal(21,9) (Frappe's default for Currency fields): 21 digits of
 * which 9 are decimals, so at most 12 integer digits. A larger amount cannot be stored, so it is
 * refused while reading rather than rounded or rejected by ERPNext halfway through a plan.
 */
export const MAX_INTEGER_DIGITS = 12;

/** `not_a_decimal`: not a plain decimal; `too_precise`: more decimals than the currency has; `too_large`: beyond the ceiling or 2^53. */
export type CentsRefusal = 'not_a_decimal' | 'too_precise' | 'too_large';

export type CentsReading = { readonly ok: true; readonly cents: number } | { readonly ok: false; readonly refusal: CentsRefusal };

// Shopify's Decimal is a plain string ("89.99", "30.0"): no sign "+", no exponent, no bare ".5".
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

const refused = (refusal: CentsRefusal): CentsReading => ({ ok: false, refusal });

/** Only safe integers leave here; `+ 0` turns "-0.00" and -0 into 0, which equals what it prints as. */
function inMinorUnits(cents: number): CentsReading {
  return Number.isSafeInteger(cents) ? { ok: true, cents: cents + 0 } : refused('too_large');
}

function stringCents(text: string, exponent: number): CentsReading {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return refused('not_a_decimal');
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  // Before any arithmetic: Number() of a 20-digit integer part is already rounded.
  if (whole.length > MAX_INTEGER_DIGITS) return refused('too_large');
  // Zeros beyond the currency's decimals are harmless ("1000.00" JPY); any other digit would be lost.
  if (/[^0]/.test(fraction.slice(exponent))) return refused('too_precise');
  // Exact: every partial result is an integer no larger than the final one, which is checked below 2^53.
  const units = Number(whole) * 10 ** exponent + Number(fraction.slice(0, exponent).padEnd(exponent, '0'));
  return inMinorUnits(match[1] === '-' ? -units : units);
}

function numberCents(value: number, exponent: number): CentsReading {
  if (!Number.isFinite(value)) return refused('not_a_decimal');
  if (Math.abs(value) >= 10 ** MAX_INTEGER_DIGITS) return refused('too_large');
  const unit = 10 ** exponent;
  // A JSON number is the double nearest to the decimal written: 19.99 × 100 is 1998.9999999999998,
  // and rounding recovers 1999. It was that decimal exactly when 1999 / 100 gives back the same double
  // (division is correctly rounded); 19.999 in USD or 0.30000000000000004 do not, and are refused.
  const cents = Math.round(value * unit);
  if (!Number.isSafeInteger(cents)) return refused('too_large');
  if (cents / unit !== value) return refused('too_precise');
  return inMinorUnits(cents);
}

/** A decimal string or JSON number in the minor units of a currency with `exponent` decimals. */
export function readCents(value: unknown, exponent = 2): CentsReading {
  if (typeof value === 'string') return stringCents(value, exponent);
  if (typeof value === 'number') return numberCents(value, exponent);
  return refused('not_a_decimal');
}
