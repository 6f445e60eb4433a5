/**
 * Quarters. Every quarter is stored and passed as its calendar key, `2026-Q3` = July–September
 * 2026: check-ins are keyed by it whatever the centre's setting. The centre's quarter scheme
 * (calendar, or Pakistan's fiscal year July–June) changes only how a quarter is named in
 * documents ("FY2026-27 Q1") and where a year starts for year-to-date figures. Dates are
 * UTC calendar dates; a quarter is the half-open range [start, end).
 */

export type QuarterScheme = 'calendar' | 'pk-fiscal';

export const QUARTER_KEY = /^\d{4}-Q[1-4]$/;
/** A fiscal quarter as staff write it: FY2027-Q1 (the fiscal year ending June 2027). */
const FISCAL_KEY = /^FY(\d{4})-Q([1-4])$/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(quarter: string): { year: number; q: number } {
  if (!QUARTER_KEY.test(quarter)) throw new Error(`Not a quarter: ${quarter} (use one like 2026-Q3)`);
  return { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(6)) };
}

const iso = (year: number, month0: number) => `${year + Math.floor(month0 / 12)}-${String((month0 % 12) + 1).padStart(2, '0')}-01`;

/** The quarter's dates: [start, end) as yyyy-mm-dd. */
export function quarterRange(quarter: string): { start: string; end: string } {
  const { year, q } = parts(quarter);
  return { start: iso(year, (q - 1) * 3), end: iso(year, q * 3) };
}

/** The calendar quarter of a yyyy-mm-dd date or an ISO timestamp (UTC). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Whether a value is a quarter key like 2026-Q3 (for text from an address or a file). */
export function isQuarter(value: unknown): value is string {
  return typeof value === 'string' && QUARTER_KEY.test(value);
}

/** The quarter's last day, yyyy-mm-dd: "at quarter end" means as of this day. */
export function quarterLastDay(quarter: string): string {
  const end = new Date(`${quarterRange(quarter).end}T00:00:00Z`);
  return new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The quarter's three months as yyyy-mm. */
export function quarterMonths(quarter: string): [string, string, string] {
  const { year, q } = parts(quarter);
  const month = (i: number) => iso(year, (q - 1) * 3 + i).slice(0, 7);
  return [month(0), month(1), month(2)];
}

/** `count` quarters ending with `latest`, newest first (a picker's choices). */
export function recentQuarters(latest: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(latest, -i));
}

/** The quarter `n` quarters after `quarter` (n may be negative). */
export function shiftQuarter(quarter: string, n: number): string {
  const { year, q } = parts(quarter);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Where the quarter's year starts (1 January, or 1 July for the fiscal year), yyyy-mm-dd. */
export function yearStart(quarter: string, scheme: QuarterScheme): string {
  const { year, q } = parts(quarter);
  if (scheme === 'calendar') return `${year}-01-01`;
  return q >= 3 ? `${year}-07-01` : `${year - 1}-07-01`;
}

/** How documents name the quarter: "2026-Q3 (Jul–Sep 2026)" or "FY2026-27 Q1 (Jul–Sep 2026)". */
export function quarterLabel(quarter: string, scheme: QuarterScheme): string {
  const { year, q } = parts(quarter);
  const months = `${MONTHS[(q - 1) * 3]}–${MONTHS[(q - 1) * 3 + 2]} ${year}`;
  if (scheme === 'calendar') return `${quarter} (${months})`;
  const fyEnd = q >= 3 ? year + 1 : year;
  return `FY${fyEnd - 1}-${String(fyEnd % 100).padStart(2, '0')} Q${((q + 1) % 4) + 1} (${months})`;
}

/**
 * Reads a quarter as staff type it: `2026-Q3`, or a fiscal quarter `FY2027-Q1` (= 2026-Q3).
 * Null when it is neither.
 */
export function parseQuarter(text: string): string | null {
  const trimmed = text.trim();
  if (QUARTER_KEY.test(trimmed)) return trimmed;
  const fiscal = FISCAL_KEY.exec(trimmed);
  if (!fiscal) return null;
  const fyEnd = Number(fiscal[1]);
  const fq = Number(fiscal[2]);
  // Fiscal Q1–Q2 are the calendar Q3–Q4 of the year before the fiscal year ends.
  return fq <= 2 ? `${fyEnd - 1}-Q${fq + 2}` : `${fyEnd}-Q${fq - 2}`;
}
