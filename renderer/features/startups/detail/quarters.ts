/**
 * Calendar quarters as the API writes them ("2026-Q3" is July–September 2026), for the
 * check-in picker and the "this quarter" totals. Boundaries are midnights in the viewer's zone.
 */

export function quarterOfDate(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** `count` quarters ending with the one containing `now`, newest first. */
export function recentQuarters(now: Date, count: number): string[] {
  const out = [quarterOfDate(now)];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]!));
  return out;
}

/** The instants [start, end) of a quarter, local midnights, as UTC timestamps. */
export function quarterSpan(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const start = new Date(year, (q - 1) * 3, 1);
  const end = new Date(year, q * 3, 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
