/**
 * Money is carried as integer cents: Shopify sends decimal strings ("89.99", sometimes "30.0"), and
 * summing floats would lose cents that the total check must see. Currencies with three decimals are
 * out of scope until multi-currency lands (the order is refused before its money is read).
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export function parseCents(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 100);
  if (typeof value !== 'string') return null;
  const match = DECIMAL.exec(value.trim());
  if (match === null) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** ERPNext's Currency fields are JSON numbers; two decimals are exact enough for a float. */
export function centsToAmount(cents: number): number {
  return Math.round(cents) / 100;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function sumCents(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
