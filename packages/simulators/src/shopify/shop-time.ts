// Shopify's REST payloads print local shop time with a numeric offset and no fraction
// ("2021-12-31T19:00:00-05:00"), never "Z"; receivers that compare `updated_at` as strings
// across offsets get it wrong, which is why the offset is configurable here.

const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/;

export function parseUtcOffset(offset: string): number {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match) throw new Error(`timezoneOffset must look like "-05:00" or "+01:00", received ${JSON.stringify(offset)}`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Format an instant as Shopify REST does, in a shop whose UTC offset is `offset` ("-05:00"). */
export function formatShopTime(instant: Date, offset: string): string {
  const shifted = new Date(instant.getTime() + parseUtcOffset(offset) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

/** Shopify timestamps have whole seconds; a change must move `updated_at` forward by at least one. */
export function nextUpdateInstant(now: Date, previous: Date | null): Date {
  const wholeSeconds = new Date(Math.floor(now.getTime() / 1000) * 1000);
  if (previous === null || wholeSeconds.getTime() > previous.getTime()) return wholeSeconds;
  return new Date(previous.getTime() + 1000);
}
