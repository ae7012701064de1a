const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An Admin API instant ("2026-11-27T15:15:00Z") as Shopify's REST payloads print it: the shop's wall
 * clock with its UTC offset at that instant ("2026-11-27T10:15:00-05:00"). It matters: the date part
 * is the shop-local calendar date the planner books documents on, so a UTC date would move an order
 * placed in the evening in New York to the next day. The offset follows daylight saving time.
 */
export function shopLocalTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO-8601 instant: ${JSON.stringify(instant)}`);
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(whole)).map((part) => [part.type, part.value]));
  const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - whole) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The same for a nullable instant (cancelled_at, closed_at …). */
export function shopLocalTimeOrNull(instant: string | null, timeZone: string): string | null {
  return instant === null ? null : shopLocalTime(instant, timeZone);
}
