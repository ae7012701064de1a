const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

function period(today: Date, unit: string, offset: number): [Date, Date] {
  if (unit === 'week') {
    // Frappe weeks start on the first day of week setting; Monday is the default.
    const monday = addDays(today, -((today.getUTCDay() + 6) % 7) + 7 * offset);
    return [monday, addDays(monday, 6)];
  }
  if (unit === 'month') {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
    return [first, addDays(addMonths(first, 1), -1)];
  }
  if (unit === 'quarter') {
    const q = Math.floor(today.getUTCMonth() / 3) + offset;
    const first = new Date(Date.UTC(today.getUTCFullYear(), q * 3, 1));
    return [first, addDays(addMonths(first, 3), -1)];
  }
  const first = new Date(Date.UTC(today.getUTCFullYear() + offset, 0, 1));
  return [first, new Date(Date.UTC(today.getUTCFullYear() + offset, 11, 31))];
}

/**
 * Date ranges for the `timespan`, `previous` and `next` operators ("this month", "last week",
 * "6 months"), as inclusive ISO dates. Undefined for a value Frappe would not accept.
 */
export function dateRange(operator: string, value: string, todayIso: string): [string, string] | undefined {
  const today = new Date(`${todayIso}T00:00:00Z`);
  const v = value.trim().toLowerCase();
  if (operator === 'timespan') {
    if (v === 'today') return [todayIso, todayIso];
    if (v === 'yesterday') return [iso(addDays(today, -1)), iso(addDays(today, -1))];
    if (v === 'tomorrow') return [iso(addDays(today, 1)), iso(addDays(today, 1))];
    const match = /^(this|last|next) (week|month|quarter|year)$/.exec(v);
    if (!match) return undefined;
    const [from, to] = period(today, match[2] ?? 'year', match[1] === 'this' ? 0 : match[1] === 'last' ? -1 : 1);
    return [iso(from), iso(to)];
  }
  const match = /^(\d+) (day|week|month|quarter|year)s?$/.exec(v);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = match[2];
  const shift = (sign: number): Date =>
    unit === 'day' ? addDays(today, sign * n) : unit === 'week' ? addDays(today, sign * 7 * n) : addMonths(today, sign * n * (unit === 'quarter' ? 3 : unit === 'year' ? 12 : 1));
  return operator === 'previous' ? [iso(shift(-1)), todayIso] : [todayIso, iso(shift(1))];
}
