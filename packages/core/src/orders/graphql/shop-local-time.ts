// Deterministic like the rest of the core: a time zone's offsets come from the runtime's IANA
// database, never from the clock, so the same instant in the same zone always reads the same.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      // RangeError: not a time zone the runtime knows.
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant in a zone's wall-clock time, or null when it is not an ISO-8601 instant. */
export type ShopClock = (instant: string) => string | null;

/**
 * The shop's clock: an Admin API instant ("2026-11-27T15:15:00Z") as Shopify's REST payloads print it,
 * the shop's wall clock with its UTC offset at that instant ("2026-11-27T10:15:00-05:00"), whole
 * seconds. It matters: the date part is the shop-local calendar date the planner books documents on,
 * so a UTC date would move an order placed in the evening in New York to the next day. The offset
 * follows daylight saving time. Null when the runtime does not know the zone.
 */
export function shopClock(timeZone: string): ShopClock | null {
  const formatter = formatterFor(timeZone);
  if (formatter === null) return null;
  return (instant) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return null;
    const whole = Math.floor(ms / 1000) * 1000;
    const parts = Object.fromEntries(formatter.formatToParts(whole).map((part) => [part.type, part.value]));
    const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
    const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - whole) / 60_000);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
}

/** The issue both GraphQL parsers report for a zone shopClock does not know. */
export const unknownTimeZone = (timeZone: string): string => `the shop's time zone is not one the runtime knows: ${JSON.stringify(timeZone)}`;
