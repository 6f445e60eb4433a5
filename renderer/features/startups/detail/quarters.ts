/**
 * The startup page's "this quarter" in the viewer's own time: the quarter of a local date
 * and its local midnights. Keys, lists and checks of quarters come from
 * shared/reports/quarters.ts.
 */

export function quarterOfDate(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The instants [start, end) of a quarter, local midnights, as UTC timestamps. */
export function quarterSpan(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const start = new Date(year, (q - 1) * 3, 1);
  const end = new Date(year, q * 3, 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
