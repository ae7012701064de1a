/**
 * Money is carried as integers in the currency's minor unit — "cents" below, which are fils for KWD
 * (3 decimals) and whole yen for JPY (0): Shopify sends decimal strings ("89.99", sometimes "30.0"),
 * and summing floats would lose units that the total check must see. `exponent` is the currency's
 * number of decimals (ISO 4217, see currency-exponent.ts); 2 when not given.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string (or JSON number) in minor units. Digits beyond the currency's decimals are
 * accepted only when they are zeros ("1000.00" JPY): anything else cannot be booked exactly.
 */
export function parseCents(value: unknown, exponent = 2): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 10 ** exponent);
  if (typeof value !== 'string') return null;
  const match = DECIMAL.exec(value.trim());
  if (match === null) return null;
  const fraction = match[3] ?? '';
  if (/[^0]/.test(fraction.slice(exponent))) return null;
  const units = Number(match[2]) * 10 ** exponent + Number(fraction.slice(0, exponent).padEnd(exponent, '0') || '0');
  return match[1] === '-' ? -units : units;
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
