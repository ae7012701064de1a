/**
 * A stock voucher's posting date and time are wall-clock values in the ERPNext site's time zone
 * (System Settings → Time Zone); the Stock Ledger orders entries by them. A Shopify timestamp carries
 * the shop's offset, so its instant is re-expressed in the site's zone: a delivery made at 19:10 in
 * New York is 00:10 the next day on a site that runs on UTC, and posting it as "the shop's date at the
 * site's clock time" would put it before stock received a minute earlier.
 */
export interface SiteDateTime {
  readonly date: string;
  readonly time: string;
}

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

export function siteDateTimeOf(timestamp: string, timeZone: string): SiteDateTime | null {
  const instant = Date.parse(timestamp);
  if (!Number.isFinite(instant)) return null;
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const found = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const [year, month, day, hour, minute, second] = PARTS.map((part) => found[part] ?? '00');
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}:${second}` };
}

/** True when `timeZone` is an IANA zone this runtime knows (the config is checked with it). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}
