/**
 * Shopify timestamps carry the shop's offset (`2021-12-31T19:00:00-05:00`); the date part is the
 * shop-local calendar date the merchant sees, which is what ERPNext's transaction date means.
 */
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})T/;

export function calendarDateOf(timestamp: string): string | null {
  const match = DATE_PREFIX.exec(timestamp);
  return match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}
