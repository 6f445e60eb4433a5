/** Calendar quarters for the quarter picker: `2026-Q3` is July–September 2026 (UTC). */

export function quarterOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter `n` quarters before `quarter` (n may be negative). */
export function shiftQuarter(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + (Number(quarter.slice(6)) - 1) - n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** This quarter and the `count - 1` before it, newest first. */
export function recentQuarters(now: Date, count: number): string[] {
  const current = quarterOfDate(now);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, i));
}

/** The first day of each of the quarter's three months, as UTC dates. */
export function quarterMonths(quarter: string): [Date, Date] {
  const year = Number(quarter.slice(0, 4));
  const firstMonth = (Number(quarter.slice(6)) - 1) * 3;
  return [new Date(Date.UTC(year, firstMonth, 1)), new Date(Date.UTC(year, firstMonth + 2, 1))];
}

export function isQuarter(value: string | null): value is string {
  return value !== null && /^\d{4}-Q[1-4]$/.test(value);
}
