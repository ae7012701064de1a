const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export interface SiteClock {
  /** A fresh timestamp, "YYYY-MM-DD HH:MM:SS.ffffff", strictly later than the previous one. */
  stamp(): string;
  /** Today's date, "YYYY-MM-DD". */
  today(): string;
  year(): number;
}

/**
 * Frappe stores `modified` with microseconds and compares it as a string for optimistic locking
 * (notes §2). An injected clock may stand still, so each stamp is bumped 1 µs past the last one:
 * two saves never share a `modified`, and a stale copy is always detected.
 */
export function createSiteClock(now: () => Date): SiteClock {
  let lastMicros = 0;
  return {
    stamp() {
      lastMicros = Math.max(now().getTime() * 1000, lastMicros + 1);
      const date = new Date(Math.floor(lastMicros / 1000));
      const micros = lastMicros % 1_000_000;
      const base = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
      // Python's str(datetime) omits the fraction when it is zero.
      return micros === 0 ? base : `${base}.${pad(micros, 6)}`;
    },
    today() {
      const date = now();
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    },
    year() {
      return now().getUTCFullYear();
    },
  };
}
