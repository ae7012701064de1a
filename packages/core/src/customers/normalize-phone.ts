/**
 * ERPNext validates Data fields with the Phone option against `([0-9 +_\-,.*#()]){1,20}$`: at most 20
 * characters and no letters, so "+1 555-0100 ext. 12" is refused. The extension is dropped, other
 * letters removed; a number that still does not fit is left out rather than failing the customer.
 */
const EXTENSION = /\s*(?:ext\.?|extension|x)\s*\d+\s*$/i;

export function normalizePhone(raw: string | null): string | null {
  if (raw === null) return null;
  const cleaned = raw.replace(EXTENSION, '').replace(/[^0-9 +\-().]/g, '').replace(/\s+/g, ' ').trim();
  if (!/\d/.test(cleaned) || cleaned.length > 20) return null;
  return cleaned;
}
