// Amounts are integer cents inside the simulator and become Shopify's decimal strings only when a
// payload is built, so every total is exact and "adds up to the cent" holds by construction.

export interface MoneyV2Json {
  amount: string;
  currency_code: string;
}

export interface MoneySetJson {
  shop_money: MoneyV2Json;
  presentment_money: MoneyV2Json;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Presentment currency equals shop currency: the simulator does not model multi-currency markets. */
export function moneySet(cents: number, currency: string): MoneySetJson {
  const money = { amount: formatCents(cents), currency_code: currency };
  return { shop_money: { ...money }, presentment_money: { ...money } };
}

/** Round half away from zero, as Shopify does for tax and discount cents. */
export function roundCents(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * Split `total` over `weights` proportionally; the rounding remainder goes to the last weighted
 * entry so the parts always sum to exactly `total`.
 */
export function allocateCents(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / weightSum));
  const remainder = total - parts.reduce((a, b) => a + b, 0);
  const lastIndex = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0).pop() ?? 0;
  parts[lastIndex] = (parts[lastIndex] ?? 0) + remainder;
  return parts;
}

export function parseAmountToCents(amount: string | number): number {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount;
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new Error(`not a money amount: ${JSON.stringify(amount)}`);
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -cents : cents;
}
