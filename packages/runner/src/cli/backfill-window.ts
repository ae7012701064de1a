export type BackfillWindow = { readonly ok: true; readonly since: string; readonly until: string | null } | { readonly ok: false; readonly problem: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * --since and --until as ISO instants. A bare date is a whole UTC day: --since 2026-11-01 starts at
 * its first second, --until 2026-11-30 ends at its last, so the range reads as it is written.
 */
export function backfillWindow(since: string, until: string | undefined): BackfillWindow {
  const instant = (value: string, endOfDay: boolean) => (DATE_ONLY.test(value) ? `${value}T${endOfDay ? '23:59:59' : '00:00:00'}.000Z` : value);
  const from = Date.parse(instant(since, false));
  if (Number.isNaN(from)) return { ok: false, problem: `--since must be a date (2026-11-01) or an ISO-8601 instant, got "${since}"` };
  if (until === undefined) return { ok: true, since: new Date(from).toISOString(), until: null };
  const to = Date.parse(instant(until, true));
  if (Number.isNaN(to)) return { ok: false, problem: `--until must be a date (2026-11-30) or an ISO-8601 instant, got "${until}"` };
  if (to < from) return { ok: false, problem: `--until (${until}) is before --since (${since})` };
  return { ok: true, since: new Date(from).toISOString(), until: new Date(to).toISOString() };
}
